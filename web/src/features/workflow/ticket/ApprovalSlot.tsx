/**
 * Where the approval panel (who has approved, who is pending: issue 19 §2, §5) mounts on the
 * ticket page, inside the process panel. Approvals do not run yet, so it shows nothing.
 */
export function ApprovalSlot(_props: { ticketId: string }) {
  return null;
}
