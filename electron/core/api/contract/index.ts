import { systemContract } from './system';
import { authContract } from './auth';
import { usersContract } from './users';
import { auditContract } from './audit';
import { backupContract } from './backup';
import { registryContract } from './registry';
import { registryIoContract } from './registry-io';
import { referenceContract } from './reference';
import { exchangeContract } from './exchange';
import { assistanceContract } from './assistance';
import { workflowContract } from './workflow';
import { workflowPhotosContract } from './workflow-photos';
import { printContract } from './print';
import type { InputOf, OutputOf } from '../define';

/** The one API contract: every method of every door (IPC, HTTP, CLI, tests). */
export const contract = {
  ...systemContract,
  ...authContract,
  ...usersContract,
  ...auditContract,
  ...backupContract,
  ...registryContract,
  ...registryIoContract,
  ...referenceContract,
  ...exchangeContract,
  ...assistanceContract,
  ...workflowContract,
  ...workflowPhotosContract,
  ...printContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = InputOf<Contract[M]>;
export type Output<M extends MethodName> = OutputOf<Contract[M]>;

export type * from './system';
export type * from './auth';
export type * from './users';
export type * from './audit';
export type * from './backup';
export type * from './registry';
export type * from './registry-io';
export type * from './reference';
export type * from './exchange';
export type * from './assistance';
export type * from './workflow';
export type * from './workflow-photos';
export type * from './print';
export type { Page } from './common';
export type { Result, ApiError, ErrorKind } from '../errors';
