/** Interface texts of this area, in Bahasa Indonesia; merged into messages.id.ts. */
export const complaintsMessagesId = {
  'complaints.title': 'Pengaduan',
} as const;
