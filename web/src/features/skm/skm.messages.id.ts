/** Interface texts of this area, in Bahasa Indonesia; merged into messages.id.ts. */
export const skmMessagesId = {
  'skm.title': 'Survei Kepuasan Masyarakat',
} as const;
