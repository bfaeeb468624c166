import Foundation
import WaymarkBrowser

/// How much two screenshots differ: the share of pixels (0–1) whose colour changed noticeably.
///
/// The browser decodes both PNGs and compares them on a canvas, so Waymark needs no image decoder of its own; the
/// comparison runs in the replay's session after its steps. Small colour changes (anti-aliasing, a cursor) are not
/// counted, and a changed image size counts as entirely different.
public enum ScreenshotComparison {
    static let script = """
        const load = (b64) => new Promise((ok, no) => {
          const i = new Image(); i.onload = () => ok(i); i.onerror = () => no(new Error('not a PNG'));
          i.src = 'data:image/png;base64,' + b64;
        });
        return Promise.all([load(arguments[0]), load(arguments[1])]).then(([x, y]) => {
          if (x.naturalWidth !== y.naturalWidth || x.naturalHeight !== y.naturalHeight) return 1;
          const c = document.createElement('canvas'); c.width = x.naturalWidth; c.height = x.naturalHeight;
          const g = c.getContext('2d', {willReadFrequently: true});
          g.drawImage(x, 0, 0); const p = g.getImageData(0, 0, c.width, c.height).data;
          g.clearRect(0, 0, c.width, c.height);
          g.drawImage(y, 0, 0); const q = g.getImageData(0, 0, c.width, c.height).data;
          let changed = 0;
          for (let i = 0; i < p.length; i += 4) {
            if (Math.abs(p[i] - q[i]) + Math.abs(p[i + 1] - q[i + 1]) + Math.abs(p[i + 2] - q[i + 2]) > 48) changed++;
          }
          return changed / Math.max(1, p.length / 4);
        });
        """

    /// The share of changed pixels, or nil when the browser could not compare them.
    public static func variation(_ a: [UInt8], _ b: [UInt8], in session: BrowserSession) async -> Double? {
        if a == b { return 0 }
        let result = try? await session.executeScript(script, [.string(Data(a).base64EncodedString()), .string(Data(b).base64EncodedString())])
        return result?.doubleValue
    }
}
