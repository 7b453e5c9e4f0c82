// The experiment builder's pure part: where an experiment starts, the edit operations, undo and
// redo. The screen (src/app/screens/builder/) drives these and shows their problems.
export { blankScenario, copyOfLesson } from './blank';
export { applyEdit, pathOf, type Edit, type EditResult, type PlacementSpec } from './edits';
export { startHistory, edit, replace, undo, redo, canUndo, canRedo, MAX_UNDO, type History } from './history';
export { newId } from './ids';
export { describeDose, describeEdit, describeEvent, eventHours } from './describe';
