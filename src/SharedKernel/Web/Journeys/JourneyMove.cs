namespace BillCenter.SharedKernel.Web.Journeys;

/// <summary>A transition's outcome: the journey's next state, and the page that shows it.</summary>
public sealed record JourneyMove<TState>(TState State, string Page)
    where TState : class, new();
