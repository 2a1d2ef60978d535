/** Public surface of the channel platform: accounts, raw inbound store, replay protection, the shared token cache, vendor HTTP. */
import type { AppModule } from '../../app/context.js';
import { registerAccountRoutes } from './account-routes.js';
import { registerCallbackRoutes } from './callback-routes.js';

/** Its domain events (names, versions, payloads), for subscribers. */
export * from './events.js';
export { channelAccountState, createChannelAccount, firstEnabledChannelAccount, hasEnabledChannelAccount, loadChannelAccount, recordAccountStatus, type ChannelAccountView } from './accounts.js';
export { channelSecrets } from './channel-secrets.js';
export { storeChannelInbound, getChannelInbound, markChannelInboundProcessed, claimCallbackNonce, callbackMaxAgeMs } from './inbound-store.js';
export { accessToken, forgetAccessToken, derivedTokenKey, type FreshToken } from './access-token.js';
export { offerRobotMessage, takeRobotDigest, markRobotSend, enqueueDigest, robotPerMinute, robotWindowMs, type AllowanceRobot, type DigestJob, type RobotOffer, type RobotSend } from './robot-allowance.js';
export { listStaffLinks, staffLinkOf, setStaffLink, removeStaffLink, type StaffLink } from './staff-links.js';
export { staffNotificationTriggers, type NotifyStaff, type StaffNotice, type StaffNoticePreferences, type StaffReason } from './staff-notification-triggers.js';
export { clip, ticketLink } from './ticket-links.js';
export { teamRobotTriggers, type TeamRobotChannel, type TeamRobotDeps } from './team-robot-triggers.js';
export { signedTeamRobotFacts, signedTeamRobotTable } from './signed-team-robot-table.js';
export { signedTeamRobotStore, type SignedTeamRobot, type SignedTeamRobotInput, type SignedTeamRobotView } from './signed-team-robots.js';
export { multipartFile, type UploadFile } from './multipart.js';
export { pinnedVendorRequest, vendorPin, vendorRequest, type VendorResponse, type VendorRequest } from './vendor-http.js';

export const channelsModule: AppModule = {
  name: 'channels',
  registerRoutes(app, context) {
    registerAccountRoutes(app, context);
    registerCallbackRoutes(app, context);
  },
};
