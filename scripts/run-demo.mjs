// README's run command: the demo application and the exporter side by side, stopped together.
import concurrently from 'concurrently';

const { result } = concurrently(
  [
    { name: 'demo', command: 'node exporter/bin/omen.js demo', prefixColor: 'cyan' },
    {
      name: 'omen',
      command: 'node exporter/bin/omen.js serve --config config/demo.yaml',
      prefixColor: 'magenta',
    },
  ],
  { killOthersOn: ['failure', 'success'], prefix: 'name' },
);
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
