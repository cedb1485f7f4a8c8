// The typer, built apart from the content script (TYPER_FILE) and injected by the worker into the X tab
// that is to type an automatic reply, so that X pages of people who never turn automatic replies on do
// not carry it. The content script picks the runner up from typer-slot.ts.
import { JobRunner } from './job-runner.ts';
import { publishJobRunner } from './typer-slot.ts';

publishJobRunner(JobRunner);
