/** "Tugas saya": the signed-in user's tasks in a region, grouped by kind for their role. */
import { queryOptions } from '@tanstack/react-query';
import { myTasks } from '#shared/api/tugas.ts';
import { apiPath, getJson } from './http.ts';

export type { MyTasks, TaskGroup, TaskItem, TaskKind } from '#shared/api/tugas.ts';

export const myTasksKey = (regionCode: string) => ['regions', regionCode, 'my-tasks'] as const;

export const myTasksQueryOptions = (regionCode: string) =>
  queryOptions({
    queryKey: myTasksKey(regionCode),
    queryFn: () => getJson(apiPath('regions', regionCode, 'my-tasks'), myTasks),
    // Back on the home page after resubmitting or scoring, the list must show what is left, not what was.
    staleTime: 0,
  });
