import { describe, expect, it } from 'vitest';
import { messagesEn } from './messages.en.ts';
import { type MessageKey, messagesId } from './messages.id.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(messagesId) as MessageKey[];

describe('the interface dictionaries', () => {
  it('translate every message into English with the same placeholders', () => {
    const mismatched = keys.filter((k) => placeholders(messagesId[k]).join() !== placeholders(messagesEn[k]).join());
    expect(mismatched).toEqual([]);
  });

  it('leave no message empty', () => {
    const empty = keys.filter((k) => messagesId[k].trim() === '' || messagesEn[k].trim() === '');
    expect(empty).toEqual([]);
  });

  it('name every role and region kind the server can send', async () => {
    const { ROLES } = await import('#domain/access/roles.ts');
    const { regionKind } = await import('#shared/api/regions.ts');
    const needed = [...ROLES.map((r) => `role.${r}`), ...regionKind.options.map((k) => `region.kind.${k}`)];
    expect(needed.filter((k) => !(k in messagesId))).toEqual([]);
  });
});
