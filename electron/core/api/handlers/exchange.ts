import type { HandlersFor, HandlerContext } from '../handler-types';
import { secretOf, sessionOf } from '../handler-types';
import type { exchangeContract } from '../contract/exchange';
import { actorOf } from '../../services/users';
import { mapPackageErrors } from '../../services/exchange/errors';
import {
  confirmPeerKey,
  dispatchDuplicateTasks,
  exportDirective,
  exportKeyRegistration,
  exportReport,
  exportTrust,
  importFile,
  importFolder,
  writeForDownload,
  writeToFolder,
  type Caller,
} from '../../services/exchange/commands';
import { addParentKeyManually, childPeers, issueUploadToken, parentPeer, setUploadTarget } from '../../services/exchange/peers';
import { prepareDownload, uploadedFile } from '../../services/transfer-files';
import { maskIdNumber } from '../../domain/masking';
import { syncWithParent } from '../../services/exchange/sync';
import { childrenStatus, findCrossCountyDuplicates } from '../../services/exchange/province';
import { listReviewTasks, resolveReviewTask } from '../../services/exchange/review-tasks';
import {
  exchangeOverview,
  historyItem,
  historyPage,
  importResultView,
  inboxViews,
  outboxView,
  outboxViews,
  peerView,
  registrationForm,
  reviewTaskView,
} from '../../services/exchange/views';

const callerOf = (ctx: HandlerContext): Caller => ({ secret: secretOf(ctx), actor: actorOf(sessionOf(ctx)) });

export const exchangeHandlers: HandlersFor<typeof exchangeContract> = {
  'exchange.overview': (ctx) => exchangeOverview(ctx.station, secretOf(ctx)),
  'exchange.outbox': (ctx, input) => outboxViews(ctx.station, input),
  'exchange.inbox': (ctx) => inboxViews(ctx.station),
  'exchange.history': (ctx, input) => historyPage(ctx.station, input),
  'exchange.historyItem': (ctx, { id }) => historyItem(ctx.station, id),
  'exchange.peers': (ctx) => {
    const parent = parentPeer(ctx.station.db);
    return [...(parent ? [parent] : []), ...childPeers(ctx.station.db)].map((p) => peerView(ctx.station, p));
  },
  'exchange.registrationForm': (ctx) => registrationForm(ctx.station),
  'exchange.exportReport': (ctx, input) =>
    mapPackageErrors(async () => outboxView(ctx.station, await exportReport(ctx.station, callerOf(ctx), { mode: input.mode, expiresInDays: input.expiresInDays }))),
  'exchange.exportKeyRegistration': (ctx) => mapPackageErrors(async () => outboxView(ctx.station, await exportKeyRegistration(ctx.station, callerOf(ctx)))),
  'exchange.exportTrust': (ctx, { childNodeId }) => mapPackageErrors(async () => outboxView(ctx.station, await exportTrust(ctx.station, callerOf(ctx), childNodeId))),
  'exchange.createDirective': (ctx, input) =>
    mapPackageErrors(async () =>
      outboxView(
        ctx.station,
        await exportDirective(
          ctx.station,
          callerOf(ctx),
          input.recipientNodeId,
          { note: input.note, yearParams: input.yearParams, codeOverrides: input.codeOverrides, regions: input.regions, reviewTasks: input.reviewTasks },
          input.expiresInDays,
        ),
      ),
    ),
  'exchange.writeToFolder': (ctx, { packageIds, folder }) => mapPackageErrors(() => writeToFolder(ctx.station, callerOf(ctx), packageIds, folder)),
  'exchange.importFile': (ctx, { path, trustFingerprint }) =>
    mapPackageErrors(async () => importResultView(await importFile(ctx.station, callerOf(ctx), path, { trustFingerprint }))),
  'exchange.importUpload': (ctx, { uploadRef, trustFingerprint }) =>
    mapPackageErrors(async () => {
      const upload = uploadedFile(ctx.station, uploadRef);
      return importResultView(await importFile(ctx.station, callerOf(ctx), upload.path, { trustFingerprint, fileName: upload.fileName }));
    }),
  'exchange.downloadPackage': (ctx, { packageId }) =>
    mapPackageErrors(async () => {
      let downloadRef = '';
      const { fileName } = await writeForDownload(ctx.station, callerOf(ctx), packageId, (name) => {
        const target = prepareDownload(ctx.station, name);
        downloadRef = target.downloadRef;
        return target.path;
      });
      return { downloadRef, fileName };
    }),
  'exchange.importFolder': (ctx, { folder, trustFingerprint }) =>
    mapPackageErrors(async () =>
      (await importFolder(ctx.station, callerOf(ctx), folder, { trustFingerprint })).map((r) => ({
        fileName: r.fileName,
        result: r.result ? importResultView(r.result) : null,
        error: r.error,
      })),
    ),
  'exchange.confirmKey': (ctx, input) =>
    mapPackageErrors(async () => {
      const r = await confirmPeerKey(ctx.station, callerOf(ctx), input);
      return r ? importResultView(r) : null;
    }),
  'exchange.addParentKey': (ctx, input) => peerView(ctx.station, addParentKeyManually(ctx.station, actorOf(sessionOf(ctx)), input)),
  'exchange.issueUploadToken': (ctx, { childNodeId }) => ({ token: issueUploadToken(ctx.station, actorOf(sessionOf(ctx)), childNodeId) }),
  'exchange.setUploadTarget': (ctx, input) => peerView(ctx.station, setUploadTarget(ctx.station, actorOf(sessionOf(ctx)), input)),
  'exchange.sync': (ctx, { force }) =>
    mapPackageErrors(async () => {
      const r = await syncWithParent(ctx.station, callerOf(ctx), { force });
      return { ...r, fetched: r.fetched.map(importResultView) };
    }),
  'exchange.childrenStatus': (ctx) => childrenStatus(ctx.station),
  'exchange.crossCountyDuplicates': (ctx) => findCrossCountyDuplicates(ctx.station).map(({ idNumber, places }) => ({ idMasked: maskIdNumber(idNumber), places })),
  'exchange.sendReviewTasks': (ctx) => mapPackageErrors(() => dispatchDuplicateTasks(ctx.station, callerOf(ctx))),
  'exchange.reviewTasks': (ctx, input) =>
    listReviewTasks(ctx.station.db, { direction: input.direction, status: input.status, scopeCode: input.regionCode ?? sessionOf(ctx).scopeCode }).map((r) =>
      reviewTaskView(ctx.station, r),
    ),
  'exchange.resolveReviewTask': (ctx, input) => {
    const session = sessionOf(ctx);
    return reviewTaskView(ctx.station, resolveReviewTask(ctx.station, actorOf(session), input, session.scopeCode));
  },
};
