package io.bundlescope.http;

import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.CacheControl;
import org.apache.pekko.http.javadsl.model.headers.CacheDirectives;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.server.directives.ContentTypeResolver;
import org.slf4j.LoggerFactory;

/**
 * The web UI built by the {@code web-ui} module, served from the classpath under {@code webui/}.
 * A file there is answered as itself; any other path answers {@code index.html}, so client
 * routes such as {@code /browse/<id>?...} load the app. {@code /assets/*} (content-hashed names)
 * are cached for good, everything else is revalidated. Responses are compressed when the client
 * accepts it. API paths ({@code /logs}, {@code /health}, {@code /cluster}, {@code /rules}) are
 * never answered here (but see {@link #pages()} for the rules page), so their errors stay the API's JSON ones, and neither is a missing asset.
 */
public final class WebUiRoutes extends AllDirectives {
  static final String ROOT = "webui";
  /** First path segments of the API: never the UI's, so their 404s stay JSON. */
  private static final Set<String> API_PREFIXES = Set.of("logs", "health", "cluster", "rules");
  /** Client pages at the path of an API resource or prefix, served to browsers only ({@link #pages()}). */
  private static final List<String> PAGES_OVER_API = List.of("rules", "cluster");
  private static final Map<String, ContentType> TYPES = Map.of(
      "html", ContentTypes.TEXT_HTML_UTF8,
      "js", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "mjs", MediaTypes.APPLICATION_JAVASCRIPT.toContentType(HttpCharsets.UTF_8),
      "css", MediaTypes.TEXT_CSS.toContentType(HttpCharsets.UTF_8),
      "json", ContentTypes.APPLICATION_JSON,
      "map", ContentTypes.APPLICATION_JSON,
      "svg", MediaTypes.IMAGE_SVG_XML.toContentType(),
      "png", MediaTypes.IMAGE_PNG.toContentType(),
      "ico", MediaTypes.IMAGE_X_ICON.toContentType(),
      "woff2", MediaTypes.FONT_WOFF_2.toContentType());
  private static final CacheControl FOREVER =
      CacheControl.create(CacheDirectives.PUBLIC, CacheDirectives.MAX_AGE(31_536_000), CacheDirectives.IMMUTABLE);
  private static final CacheControl REVALIDATE = CacheControl.create(CacheDirectives.NO_CACHE);

  private final ClassLoader loader;
  private final ContentTypeResolver types = WebUiRoutes::contentType;

  public WebUiRoutes() {
    this(WebUiRoutes.class.getClassLoader());
  }

  WebUiRoutes(ClassLoader loader) {
    this.loader = loader;
    if (loader.getResource(ROOT + "/index.html") == null) {
      LoggerFactory.getLogger(WebUiRoutes.class)
          .warn("no web UI on the classpath ({}/index.html): build the web-ui module", ROOT);
    }
  }

  /**
   * Client pages whose path is also an API resource or prefix ({@code /rules}: the rules page and
   * {@code GET /rules}; {@code /cluster}: the cluster page, under the {@code /cluster/...} API): a browser's navigation (it accepts {@code text/html}) gets index.html,
   * so the page reloads and is shared like any other; every other request (the UI's own calls send
   * {@code Accept: application/json}, scripts send none or {@code *}{@code /*}) gets the API. Goes
   * before the API routes.
   */
  public Route pages() {
    Route index = optionalHeaderValueByName("Accept", accept -> accept.filter(WebUiRoutes::wantsHtml).isPresent()
        ? encodeResponse(() -> respondWithHeader(REVALIDATE,
            () -> getFromResource(ROOT + "/index.html", ContentTypes.TEXT_HTML_UTF8, loader)))
        : reject());
    return get(() -> PAGES_OVER_API.stream().map(page -> path(page, () -> index)).reduce(Route::orElse).orElseThrow());
  }

  /** A browser navigating asks for HTML by name; an API client asks for JSON or anything. */
  static boolean wantsHtml(String accept) {
    return accept.contains("text/html");
  }

  public Route routes() {
    return extractUnmatchedPath(path -> {
      String first = firstSegment(path);
      if (API_PREFIXES.contains(first)) return reject();
      Route files = getFromResourceDirectory(ROOT, types, loader);
      if (first.equals("assets")) return get(() -> encodeResponse(() -> respondWithHeader(FOREVER, () -> files)));
      Route index = getFromResource(ROOT + "/index.html", ContentTypes.TEXT_HTML_UTF8, loader);
      return get(() -> encodeResponse(() -> respondWithHeader(REVALIDATE, () -> concat(files, index))));
    });
  }

  private static String firstSegment(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    int slash = relative.indexOf('/');
    return slash < 0 ? relative : relative.substring(0, slash);
  }

  static ContentType contentType(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(ext, ContentTypes.APPLICATION_OCTET_STREAM);
  }
}
