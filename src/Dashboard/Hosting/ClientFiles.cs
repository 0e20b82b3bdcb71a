using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Ops.Dashboard.Hosting;

/// <summary>How browsers cache the web client: the bundler names each asset after its content, so
/// those never change and are kept a year; everything else (index.html, the manifest) is checked on
/// every load, so a new version reaches the control room at its next reload.</summary>
public static class ClientFiles
{
    public static void SetCaching(StaticFileResponseContext context)
    {
        var immutable = context.Context.Request.Path.StartsWithSegments("/assets");
        context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }
}
