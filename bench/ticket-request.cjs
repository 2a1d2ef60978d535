'use strict';
// autocannon `setupRequest` for bench/tickets-create.bench.ts (loaded by path in autocannon's
// worker thread, hence CommonJS). Gives every request a unique subject and, for the "new customer"
// template, a unique requester e-mail: `{n}` in the body becomes a per-run counter.
// (autocannon 8's own `idReplacement` sends a wrong Content-Length with hyperid 3, so it stalls.)
const run = `${process.pid}-${Date.now().toString(36)}`;
let n = 0;

module.exports = function setupRequest(request) {
  n += 1;
  return { ...request, body: request.body.replaceAll('{n}', `${run}-${n}`) };
};
