import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KIND_LIST, NOTIFICATION_KINDS, renderNotification } from './notifications.ts';

const names = (text: string) => [...new Set([...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]))].sort();

describe('notification kinds', () => {
  it('ask for the same values in Indonesian and English', () => {
    for (const kind of NOTIFICATION_KIND_LIST) {
      const def = NOTIFICATION_KINDS[kind];
      expect(names(def.title.en), `${kind} title`).toEqual(names(def.title.id));
      expect(names(def.body.en), `${kind} body`).toEqual(names(def.body.id));
    }
  });

  it('render in the recipient’s language, with the English plural and values given per language', () => {
    const params = { subject: 'SPBE 2026', deadline: '20/04/2026', days: 1, 'todo:id': 'Isi 2 indikator.', 'todo:en': 'Fill in 2 indicators.' };
    expect(renderNotification('deadline_h7', params, 'id').body).toBe(
      'Tenggat SPBE 2026 jatuh pada 20/04/2026, tinggal 1 hari lagi. Isi 2 indikator.',
    );
    expect(renderNotification('deadline_h7', params, 'en').body).toBe('SPBE 2026 is due on 20/04/2026, 1 day from now. Fill in 2 indicators.');
    expect(renderNotification('deadline_h7', { ...params, days: 6 }, 'en').body).toContain('6 days from now');
  });

  it('show a kind no longer known as itself instead of failing the list', () => {
    expect(renderNotification('retired_kind', {}, 'id')).toEqual({ title: 'retired_kind', body: '' });
  });
});
