import { RequestMethod, type Type } from '@nestjs/common';
import { AppModule } from '../../core/src/app.module.js';
import { PERMISSION_KEY, PUBLIC_KEY, type Permission } from '../../core/src/identity/permissions.js';
import type { TestApp } from './app.js';

export interface Route {
  method: string;
  path: string;
  permission?: Permission;
  public: boolean;
}

/** Every route of every controller, with the permission it declares, read from the decorators. */
export function routeTable(app: TestApp): Route[] {
  const controllers = (AppModule.forRoot(app.boot).controllers ?? []) as Type<unknown>[];
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata('path', controller) ?? '');
    const proto = controller.prototype as Record<string, unknown>;
    return Object.getOwnPropertyNames(proto)
      .filter((name) => name !== 'constructor' && Reflect.getMetadata('method', proto[name] as object) !== undefined)
      .map((name) => {
        const handler = proto[name] as object;
        const path =
          `/${[base, String(Reflect.getMetadata('path', handler))].filter((p) => p && p !== '/').join('/')}`.replace(
            /\/+/g,
            '/',
          );
        return {
          method: RequestMethod[Reflect.getMetadata('method', handler) as number]!,
          path,
          permission: Reflect.getMetadata(PERMISSION_KEY, handler) as Permission | undefined,
          public: Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, controller)),
        };
      });
  });
}
