// @baton/qualify/testing: a real HTTP fake of Ollama for other projects' tests (the worker's
// burst test, the API's health check). Never imported by shipped code.
export * from '../../test/fake-ollama-server.util';
export * from '../../test/model-answers.fixture';
