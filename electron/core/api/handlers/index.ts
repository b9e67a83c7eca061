import type { HandlersFor } from '../handler-types';
import type { Contract } from '../contract';
import { systemHandlers } from './system';
import { authHandlers } from './auth';
import { usersHandlers } from './users';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup';
import { registryHandlers } from './registry';
import { registryIoHandlers } from './registry-io';
import { referenceHandlers } from './reference';
import { exchangeHandlers } from './exchange';
import { assistanceHandlers } from './assistance';
import { workflowHandlers } from './workflow';
import { workflowPhotoHandlers } from './workflow-photos';
import { printHandlers } from './print';

export const handlers: HandlersFor<Contract> = {
  ...systemHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...registryHandlers,
  ...registryIoHandlers,
  ...referenceHandlers,
  ...exchangeHandlers,
  ...assistanceHandlers,
  ...workflowHandlers,
  ...workflowPhotoHandlers,
  ...printHandlers,
};
