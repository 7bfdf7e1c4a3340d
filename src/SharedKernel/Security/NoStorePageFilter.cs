using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BillCenter.SharedKernel.Security;

/// <summary>
/// Keeps private pages out of every cache (the browser's back/forward and disk caches, shared proxies): each page
/// that needs a signed-in user (every page without <see cref="AllowAnonymousAttribute"/>) and each card-data form
/// (<see cref="CardDataFormAttribute"/>) answers with <c>Cache-Control: no-store</c>. Registered once for every page.
/// </summary>
public sealed class NoStorePageFilter : IPageFilter
{
    public const string CacheControl = "no-store";

    /// <summary>Whether a page with this endpoint metadata must not be stored: it needs a signed-in user, or takes card data.</summary>
    public static bool Applies(EndpointMetadataCollection metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.GetMetadata<IAllowAnonymous>() is null || metadata.GetMetadata<CardDataFormAttribute>() is not null;
    }

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.HttpContext.GetEndpoint() is { } endpoint && Applies(endpoint.Metadata))
        {
            context.HttpContext.Response.Headers.CacheControl = CacheControl;
            context.HttpContext.Response.Headers.Pragma = "no-cache";
        }
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
