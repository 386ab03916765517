import winston from 'winston';

/**
 * The library logger: winston, everything to stderr, so that stdout carries
 * only results. The level comes from ARENA_LOG_LEVEL (default "warn").
 */
export function createLogger(level = process.env.ARENA_LOG_LEVEL ?? 'warn'): winston.Logger {
  return winston.createLogger({
    level,
    format: winston.format.combine(
      winston.format.timestamp({ format: 'HH:mm:ss' }),
      winston.format.printf(({ timestamp, level: l, message, module }) =>
        `${String(timestamp)} ${l}${module ? ` [${String(module)}]` : ''}: ${String(message)}`,
      ),
    ),
    transports: [new winston.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'] })],
  });
}

export type Logger = winston.Logger;
