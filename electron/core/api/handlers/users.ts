import type { HandlersFor } from '../handler-types';
import { secretOf, sessionOf } from '../handler-types';
import type { usersContract } from '../contract/users';
import { actorOf, createUser, listUsers, resetPassword, unlockUser, updateUser } from '../../services/users';

export const usersHandlers: HandlersFor<typeof usersContract> = {
  'users.list': ({ station }) => listUsers(station),
  'users.create': (ctx, input) => createUser(ctx.station, actorOf(sessionOf(ctx)), input, secretOf(ctx)),
  'users.update': (ctx, input) => updateUser(ctx.station, actorOf(sessionOf(ctx)), input),
  'users.resetPassword': (ctx, { id, password }) => resetPassword(ctx.station, actorOf(sessionOf(ctx)), id, password, secretOf(ctx)),
  'users.unlock': (ctx, { id }) => unlockUser(ctx.station, actorOf(sessionOf(ctx)), id),
};
