using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BillCenter.SharedKernel.Web;

/// <summary>
/// Turns a <see cref="ValidationException"/> from the MediatR pipeline into field errors and shows the page
/// again, so every page model stays "bind, send, redirect". Errors are keyed under the page's bound property
/// (e.g. "Data.CardNumber") so they appear next to the right input and in the error summary. A post with a field that
/// <see cref="FormTextBinderProvider"/> refused shows the page with that field's error and never reaches its handler.
/// </summary>
public sealed class ValidationPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HandlerInstance is PageModel refusedPage && FormTextBinderProvider.RejectedFields(context.HttpContext).Count > 0)
        {
            // A field broke the rule every text passes: the handler does not run with it left out, the page says why.
            context.Result = refusedPage.Page();
            return;
        }

        var executed = await next();
        if (executed.Exception is not ValidationException validation || executed.HandlerInstance is not PageModel page)
        {
            return;
        }

        page.ModelState.AddFieldErrors(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage)), BoundPropertyName(page));
        executed.ExceptionHandled = true;
        executed.Result = page.Page();
    }

    private static string? BoundPropertyName(PageModel page) =>
        page.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public)
            .FirstOrDefault(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null && !p.PropertyType.IsPrimitive && p.PropertyType != typeof(string))
            ?.Name;
}
