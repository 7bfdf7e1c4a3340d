using BillCenter.Modules.Users.Contracts;
using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace BillCenter.Modules.Users.Sessions;

/// <summary>
/// What <see cref="RequireRecentPasswordAttribute"/> does: before the page's handler runs (GET or POST), a session
/// whose last password entry is too old is sent to the confirm-password page with this page as the way back. A
/// request that is not signed in is left to the page's authorization.
/// </summary>
internal sealed class RecentPasswordFilter(IMediator mediator, bool postsOnly) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var user = context.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true
            && (!postsOnly || HttpMethods.IsPost(context.HttpContext.Request.Method))
            && !await mediator.Send(new HasRecentPassword(user.FindFirst(SessionClaims.SessionId)?.Value), context.HttpContext.RequestAborted))
        {
            var request = context.HttpContext.Request;
            var back = (request.PathBase + request.Path).ToString() + request.QueryString;
            context.Result = new RedirectResult(RequireRecentPasswordAttribute.ConfirmPasswordPath + QueryString.Create("returnUrl", back));
            return;
        }

        await next();
    }
}
