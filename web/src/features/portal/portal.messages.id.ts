/** Interface texts of this area, in Bahasa Indonesia; merged into messages.id.ts. */
export const portalMessagesId = {
  'portal.title': 'Portal Layanan Publik',
} as const;
