import type { ScenarioFile } from './scenarioFile';
/** Raw lesson files, in the order the lesson picker shows them. */
export declare const LESSON_FILES: readonly unknown[];
/** Every built-in lesson, validated (a broken lesson file is a programming error, so it throws). */
export declare function lessons(): ScenarioFile[];
export declare function lessonIds(): string[];
/** A fresh copy of one lesson's validated scenario, or undefined for an unknown id. */
export declare function lesson(id: string): ScenarioFile | undefined;
