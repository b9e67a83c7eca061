import type { HandlersFor } from '../handler-types';
import { sessionOf } from '../handler-types';
import type { authContract } from '../contract/auth';
import { changeOwnPassword, login, logout, sessionUserView } from '../../services/users';

export const authHandlers: HandlersFor<typeof authContract> = {
  'auth.login': ({ station }, { username, password }) => login(station, username, password),
  'auth.logout': (ctx) => {
    logout(ctx.station, sessionOf(ctx));
    return null;
  },
  'auth.me': (ctx) => sessionUserView(ctx.station, sessionOf(ctx)),
  'auth.changePassword': (ctx, { oldPassword, newPassword }) => {
    changeOwnPassword(ctx.station, sessionOf(ctx), oldPassword, newPassword);
    return null;
  },
};
