/** Public surface of the forms module: the field registry and ticket types (issue 14 §3–§6). */
import type { AppModule } from '../../app/context.js';
import { registerFieldRoutes, registerFieldTypeRoutes } from './field-routes.js';
import { registerBuiltinFieldTypes } from './field-type-registry.js';
import { registerTypeRoutes } from './type-routes.js';
import { registerFormExports } from './data-export.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export type { BuiltinField, CustomerFieldsReader, TicketFieldsReader } from './field-readers.js';
export { createField, listFieldFacts, listFields, getField, type CustomField, type FieldFacts, type NewField } from './fields.js';
export { currentTicketForm, loadTicketForm, type TicketForm, type TicketTypeRef, type WhichForm } from './ticket-forms.js';
export { currentRecordForm, type RecordEntity, type RecordForm } from './record-forms.js';
export { builtinFieldTypeRegistry } from './field-type-registry.js';
export { listTicketTypes } from './ticket-types.js';
export { fieldFiltersFromQuery } from './field-filter-query.js';
export { describeTicketTypes, getPortalTypeForm, listPortalTicketTypes, type TypeForm } from './type-forms.js';
export { presentFieldOf } from './field-views.js';
export { fieldSchema, typeFormSchema } from './http-schemas.js';
export { builtInOptionTrees } from './china-regions.js';
export { formsRevisionNow } from './revision.js';

export const formsModule: AppModule = {
  name: 'forms',
  registerJobs(context) {
    registerBuiltinFieldTypes(context);
    registerFormExports(context.dataExporters);
  },
  registerRoutes(app, context) {
    registerFieldTypeRoutes(app, context);
    registerFieldRoutes(app, context, 'ticket');
    registerFieldRoutes(app, context, 'contact');
    registerFieldRoutes(app, context, 'organisation');
    registerTypeRoutes(app, context);
  },
};
