/**
 * List state (page, page size, sort, filters) kept in the URL, so a reload, a shared link or the back
 * button shows the same list. Changing a filter goes back to page 1.
 */
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type SortOrder = 'asc' | 'desc';

export interface ListParams<S extends string, F extends string> {
  page: number;
  pageSize: number;
  sort: S;
  order: SortOrder;
  filters: Record<F, string>;
}

export interface ListParamsApi<S extends string, F extends string> extends ListParams<S, F> {
  setPage: (page: number) => void;
  setPageSize: (pageSize: number) => void;
  /** Sorts by `column`; sorting again by the same column flips the order. */
  toggleSort: (column: S) => void;
  setFilter: (name: F, value: string) => void;
  clearFilters: () => void;
  hasFilters: boolean;
}

function positiveInt(text: string | null, fallback: number, max: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

export function useListParams<S extends string, F extends string>(options: {
  sorts: readonly S[];
  defaultSort: S;
  defaultOrder?: SortOrder;
  filters: readonly F[];
  defaultPageSize?: number;
}): ListParamsApi<S, F> {
  const [search, setSearch] = useSearchParams();
  const { sorts, defaultSort, filters } = options;
  const defaultOrder = options.defaultOrder ?? 'asc';
  const defaultPageSize = options.defaultPageSize ?? 25;

  const params = useMemo<ListParams<S, F>>(() => {
    const sortText = search.get('sort');
    const sort = sorts.find((s) => s === sortText) ?? defaultSort;
    const orderText = search.get('order');
    const order: SortOrder = orderText === 'asc' || orderText === 'desc' ? orderText : defaultOrder;
    const values = {} as Record<F, string>;
    for (const f of filters) values[f] = search.get(f) ?? '';
    return {
      page: positiveInt(search.get('page'), 1, 100_000),
      pageSize: positiveInt(search.get('pageSize'), defaultPageSize, 200),
      sort,
      order,
      filters: values,
    };
  }, [search, sorts, defaultSort, defaultOrder, filters, defaultPageSize]);

  // The router commits a new address in a transition, and a control may still call the callback of an
  // earlier render: two quick changes (clear the filters, then pick a status) must build on each other,
  // not on the address that screen was drawn with. So every change starts from the last address asked
  // for, which a newly rendered address replaces.
  const rendered = useRef(search);
  const latest = useRef(search);
  if (rendered.current !== search) {
    rendered.current = search;
    latest.current = search;
  }

  const update = useCallback(
    (changes: Record<string, string | number | null>, resetPage: boolean) => {
      const next = new URLSearchParams(latest.current);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (resetPage) next.delete('page');
      latest.current = next;
      setSearch(next, { replace: true });
    },
    [setSearch],
  );

  return {
    ...params,
    setPage: (page) => update({ page: page === 1 ? null : page }, false),
    setPageSize: (pageSize) => update({ pageSize: pageSize === defaultPageSize ? null : pageSize }, true),
    toggleSort: (column) => {
      const order: SortOrder = params.sort === column && params.order === 'asc' ? 'desc' : 'asc';
      update({ sort: column === defaultSort ? null : column, order: order === defaultOrder ? null : order }, true);
    },
    setFilter: (name, value) => update({ [name]: value }, true),
    clearFilters: () => update(Object.fromEntries(filters.map((f) => [f, null])), true),
    hasFilters: filters.some((f) => params.filters[f] !== ''),
  };
}
