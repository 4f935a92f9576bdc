import { HttpClient, HttpResponse } from '@angular/common/http';
import { firstValueFrom } from 'rxjs';

/**
 * Downloads a file the API serves only with the bearer token (a plain link cannot carry it):
 * fetched as a blob through HttpClient (so the interceptor adds and refreshes the token) and
 * saved under the server's file name. Rejects with the HTTP error.
 */
export async function downloadFile(http: HttpClient, url: string, fallbackName: string): Promise<string> {
  const response: HttpResponse<Blob> = await firstValueFrom(
    http.get(url, { responseType: 'blob', observe: 'response' }),
  );
  const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  const href = URL.createObjectURL(response.body ?? new Blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return name;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header. */
export function fileNameOf(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}
