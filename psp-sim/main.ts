/** Runs one PSP simulator: `tsx psp-sim/main.ts --psp a|b --port N --data-dir D [--verdict-delay-ms N]`. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startPspSimulator } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      psp: { type: 'string' },
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string', default: 'data/psp-sim' },
      host: { type: 'string', default: '127.0.0.1' },
      'verdict-delay-ms': { type: 'string' },
      'token-ttl-s': { type: 'string' },
    },
  });
  if (values.psp !== 'a' && values.psp !== 'b') throw new Error('--psp a|b is required');
  const sim = await startPspSimulator({
    psp: values.psp,
    port: Number(values.port),
    host: values.host,
    dataDir: resolve(values['data-dir']),
    settings: {
      ...(values['verdict-delay-ms'] ? { verdictDelayMs: Number(values['verdict-delay-ms']) } : {}),
      ...(values['token-ttl-s'] ? { tokenTtlMs: Number(values['token-ttl-s']) * 1000 } : {}),
    },
  });
  console.log(
    `PSP-${values.psp.toUpperCase()} simulator listening on ${sim.url}${values.psp === 'b' ? ' (WSDL: /soap?wsdl)' : ''}`,
  );
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
