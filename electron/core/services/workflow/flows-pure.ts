// The pure functions the printing engineer needs, importable without a database.
export { householdStatusOn } from '../../domain/workflow/status';
export { householdSizeOn, yearFlows } from '../../domain/workflow/flows';
