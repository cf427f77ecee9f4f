package automl4j.serving;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (an unparsable request line, headers too large, a request refused while shutting down)
 * in the server's JSON shape instead of Jetty's HTML page, so that every 4xx and 5xx a client sees is
 * {@code {"error": {...}}}.
 */
final class JsonErrorHandler extends ErrorHandler {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus() >= 400 ? response.getStatus() : 500;
        Object code = request.getAttribute(ERROR_STATUS);
        if (code instanceof Integer c) {
            status = c;
        }
        Object message = request.getAttribute(ERROR_MESSAGE);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Answer.JSON);
        response.write(true, ByteBuffer.wrap(ErrorBodies.of(ErrorBodies.kindOf(status),
                message == null ? "HTTP " + status : message.toString())), callback);
        return true;
    }
}
