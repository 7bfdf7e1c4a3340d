using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace BillCenter.SharedKernel.Web.Journeys;

/// <summary>
/// A page that is one step of a journey. Before any handler runs it loads the journey's state and, when the
/// journey's table of steps says this page may not show in that state (expired, tampered, or a step skipped),
/// sends the browser back to the first page with <c>?expired=true</c>.
/// </summary>
public abstract class JourneyPage<TJourney, TState> : PageModel
    where TJourney : Journey<TState>
    where TState : class, new()
{
    private TJourney? _journey;

    /// <summary>The journey's state as loaded for this request (after <see cref="Go"/>: the new state).</summary>
    public TState State { get; private set; } = new();

    protected TJourney Journey => _journey ??= HttpContext.RequestServices.GetRequiredService<TJourney>();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        State = Journey.Load(HttpContext);
        if (!Journey.MayShow(context.ActionDescriptor.ViewEnginePath, State))
        {
            context.Result = RedirectToPage(Journey.FirstPage, new { expired = true });
        }
    }

    /// <summary>Takes a transition: keeps its state and redirects to its page (post/redirect/get).</summary>
    protected IActionResult Go(JourneyMove<TState> move)
    {
        ArgumentNullException.ThrowIfNull(move);
        State = move.State;
        Journey.Save(HttpContext, move.State);
        return RedirectToPage(move.Page);
    }

    /// <summary>Keeps a new state and stays on this page (e.g. to show an error with what the journey now knows).</summary>
    protected void Keep(TState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        State = state;
        Journey.Save(HttpContext, state);
    }
}
