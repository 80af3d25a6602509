/**
 * HTTP routes of the region's IID: authenticate → parse → authorize (config.access, then ownership or
 * review rights per innovation in the service) → one service call → present.
 * Registered under /api/v1/regions/:regionCode/iid.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { iidVerifyBody } from '#shared/api/assessments.ts';
import { errorBody, regionCodeParam } from '#shared/api/common.ts';
import { inRegion } from '#server/http/access.ts';
import { serviceContext } from '#server/http/context.ts';
import { presentAnswerState, presentProjection, presentSidSheet, presentSpdSheet, presentWhatIf } from './iid.presenter.ts';
import {
  iidAnswerState,
  iidProjectionResponse,
  sidAnswerBody,
  sidSheet,
  spdAnswerBody,
  spdSheet,
  whatIfQuery,
  whatIfResponse,
} from '#shared/api/iid.ts';
import { spdEvidenceRoutes } from './spd-evidence.routes.ts';
import { answerInnovation, answerSpd, getProjection, getSidSheet, getSpdSheet, getWhatIf, verifyInnovationAnswer, verifySpd } from './iid.service.ts';

const indicatorId = z
  .string()
  .regex(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)*$/, 'Kode indikator tidak valid')
  .max(20, 'Kode indikator tidak valid');
const periodParams = regionCodeParam.extend({ periodId: z.uuid('ID periode tidak valid') });
const spdParams = periodParams.extend({ indicatorId });
const innovationParams = regionCodeParam.extend({ innovationId: z.uuid('ID inovasi tidak valid') });
const answerParams = innovationParams.extend({ indicatorId });

export const iidRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(spdEvidenceRoutes);

  app.get(
    '/periods/:periodId',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Proyeksi Indeks Inovasi Daerah periode ini: klaim dan terverifikasi, skor per inovasi, peringatan',
        params: periodParams,
        response: { 200: iidProjectionResponse, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => presentProjection(await getProjection(serviceContext(request), request.params.regionCode, request.params.periodId)),
  );

  app.get(
    '/periods/:periodId/what-if',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Indikator mana, pada inovasi mana, yang paling menaikkan indeks bila naik satu parameter',
        params: periodParams,
        querystring: whatIfQuery,
        response: { 200: whatIfResponse, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => presentWhatIf(await getWhatIf(serviceContext(request), request.params.regionCode, request.params.periodId, request.query)),
  );

  app.get(
    '/periods/:periodId/spd',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Jawaban indikator SPD (tingkat daerah) periode ini',
        params: periodParams,
        response: { 200: spdSheet, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => presentSpdSheet(await getSpdSheet(serviceContext(request), request.params.regionCode, request.params.periodId)),
  );

  app.put(
    '/periods/:periodId/spd/:indicatorId',
    {
      config: { access: inRegion('periods.write') },
      schema: {
        summary:
          'Isi parameter satu indikator SPD, atau angka dan sumbernya bila parameternya ditentukan dari ambang angka (mengubahnya mengembalikan verifikasi ke menunggu)',
        params: spdParams,
        body: spdAnswerBody,
        response: { 200: iidAnswerState, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, periodId, indicatorId: id } = request.params;
      return presentAnswerState(await answerSpd(serviceContext(request), regionCode, periodId, id, request.body));
    },
  );

  app.post(
    '/periods/:periodId/spd/:indicatorId/verify',
    {
      config: { access: inRegion('innovations.review') },
      schema: {
        summary: 'Verifikasi satu indikator SPD: terima, atau koreksi parameternya dengan catatan',
        params: spdParams,
        body: iidVerifyBody,
        response: { 200: iidAnswerState, 400: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, periodId, indicatorId: id } = request.params;
      return presentAnswerState(await verifySpd(serviceContext(request), regionCode, periodId, id, request.body));
    },
  );

  app.get(
    '/innovations/:innovationId/answers',
    {
      config: { access: inRegion('innovations.read') },
      schema: {
        summary: 'Indikator SID satu inovasi: parameter, petunjuk dan bukti dukung, klaim dan verifikasi',
        params: innovationParams,
        response: { 200: sidSheet, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => presentSidSheet(await getSidSheet(serviceContext(request), request.params.regionCode, request.params.innovationId)),
  );

  app.put(
    '/innovations/:innovationId/answers/:indicatorId',
    {
      config: { access: inRegion('innovations.write') },
      schema: {
        summary:
          'Isi parameter satu indikator SID inovasi, dengan basis ukurnya bila indikator punya beberapa (pemilik; inovasi terverifikasi kembali diajukan)',
        params: answerParams,
        body: sidAnswerBody,
        response: { 200: iidAnswerState, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, innovationId, indicatorId: id } = request.params;
      return presentAnswerState(await answerInnovation(serviceContext(request), regionCode, innovationId, id, request.body));
    },
  );

  app.post(
    '/innovations/:innovationId/answers/:indicatorId/verify',
    {
      config: { access: inRegion('innovations.review') },
      schema: {
        summary: 'Verifikasi satu indikator SID inovasi: terima, atau koreksi parameternya dengan catatan',
        params: answerParams,
        body: iidVerifyBody,
        response: { 200: iidAnswerState, 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody },
      },
    },
    async (request) => {
      const { regionCode, innovationId, indicatorId: id } = request.params;
      return presentAnswerState(await verifyInnovationAnswer(serviceContext(request), regionCode, innovationId, id, request.body));
    },
  );
};
