/** Interface texts of this area, in Bahasa Indonesia; merged into messages.id.ts. */
export const layananMessagesId = {
  'layanan.title': 'Layanan Publik',
} as const;
