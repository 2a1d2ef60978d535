/** Tag colours of ticket statuses, as customers see them. */
export const statusColors: Record<string, string> = { new: 'blue', open: 'processing', pending: 'orange', resolved: 'green', closed: 'default' };
