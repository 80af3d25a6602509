/**
 * The service catalogue and the application inventory of one region: lists, one record, create, edit,
 * delete, XLSX export, template and import (with a dry run). Also the public addresses a service is
 * shared under (portal page, QR poster, counter kiosk).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { okBody } from '#shared/api/common.ts';
import {
  application,
  applicationInput,
  applicationList,
  type applicationListQuery,
  applicationUpdate,
  importReport,
  service,
  serviceInput,
  serviceList,
  type serviceListQuery,
  serviceUpdate,
} from '#shared/api/services.ts';
import { apiPath, getJson, sendEmpty, sendFile, sendJson } from './http.ts';
import { XLSX_MIME } from './units.api.ts';

/** A 204 answer has no body; an older server may still answer `{ok: true}`. */
const nothing = z.undefined();

export type { Service } from '#shared/api/services.ts';
export type Application = z.output<typeof application>;
export type ImportReport = z.output<typeof importReport>;
export type ServiceListParams = Partial<z.output<typeof serviceListQuery>>;
export type ServiceInput = z.input<typeof serviceInput>;
export type ServiceUpdateInput = z.input<typeof serviceUpdate>;
export type ApplicationListParams = Partial<z.output<typeof applicationListQuery>>;
export type ApplicationInput = z.input<typeof applicationInput>;
export type ApplicationUpdateInput = z.input<typeof applicationUpdate>;

const servicesPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'services', ...rest);
const applicationsPath = (regionCode: string, ...rest: string[]) => apiPath('regions', regionCode, 'applications', ...rest);

/** Every cached service list of a region, to refresh after a change (applications name services too). */
export const servicesKey = (regionCode: string) => ['regions', regionCode, 'services'] as const;
export const applicationsKey = (regionCode: string) => ['regions', regionCode, 'applications'] as const;

export const serviceListQueryOptions = (regionCode: string, params: ServiceListParams) =>
  queryOptions({
    queryKey: [...servicesKey(regionCode), 'list', params],
    queryFn: () => getJson(servicesPath(regionCode), serviceList, params),
    placeholderData: keepPreviousData,
  });

export const fetchService = (regionCode: string, id: string) => getJson(servicesPath(regionCode, id), service);

export const createService = (regionCode: string, input: ServiceInput) => sendJson('POST', servicesPath(regionCode), serviceInput, input, service);

export const updateService = (regionCode: string, id: string, input: ServiceUpdateInput) =>
  sendJson('PUT', servicesPath(regionCode, id), serviceUpdate, input, service);

/** Answered with 204 No Content. */
export const deleteService = (regionCode: string, id: string) => sendEmpty('DELETE', servicesPath(regionCode, id), okBody.or(nothing));

export const serviceExportUrl = (regionCode: string) => servicesPath(regionCode, 'export.xlsx');
export const serviceTemplateUrl = (regionCode: string) => servicesPath(regionCode, 'template.xlsx');

export const importServices = (regionCode: string, file: Blob, dryRun: boolean) =>
  sendFile(`${servicesPath(regionCode, 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, importReport);

export const applicationListQueryOptions = (regionCode: string, params: ApplicationListParams) =>
  queryOptions({
    queryKey: [...applicationsKey(regionCode), 'list', params],
    queryFn: () => getJson(applicationsPath(regionCode), applicationList, params),
    placeholderData: keepPreviousData,
  });

export const fetchApplication = (regionCode: string, id: string) => getJson(applicationsPath(regionCode, id), application);

export const createApplication = (regionCode: string, input: ApplicationInput) =>
  sendJson('POST', applicationsPath(regionCode), applicationInput, input, application);

export const updateApplication = (regionCode: string, id: string, input: ApplicationUpdateInput) =>
  sendJson('PUT', applicationsPath(regionCode, id), applicationUpdate, input, application);

export const deleteApplication = (regionCode: string, id: string) => sendEmpty('DELETE', applicationsPath(regionCode, id), okBody.or(nothing));

export const applicationExportUrl = (regionCode: string) => applicationsPath(regionCode, 'export.xlsx');
export const applicationTemplateUrl = (regionCode: string) => applicationsPath(regionCode, 'template.xlsx');

export const importApplications = (regionCode: string, file: Blob, dryRun: boolean) =>
  sendFile(`${applicationsPath(regionCode, 'import')}?dryRun=${dryRun}`, file, XLSX_MIME, importReport);

/** Where a service is shared with citizens: its portal page, its printable QR poster, the counter kiosk. */
export const servicePortalPath = (regionCode: string, id: string) => `/portal/${encodeURIComponent(regionCode)}/layanan/${encodeURIComponent(id)}`;
export const servicePosterUrl = (id: string) => apiPath('public', 'services', id, 'poster.pdf');
export const serviceKioskPath = (id: string) => `/kiosk/${encodeURIComponent(id)}`;
