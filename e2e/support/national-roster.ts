// The national-layout roster of the server's import tests (two title rows, the export's header, 40 households / 96
// persons in 后地村, 北营村, 东阳村, 西坡村, 寨子村 with planted bad rows), for the browser journey.
export * from '../../packages/server/src/modules/imports/national-roster.fixture.ts';
