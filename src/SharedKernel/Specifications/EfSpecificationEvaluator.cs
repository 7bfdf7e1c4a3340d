using Ardalis.Specification;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>
/// Turns an Ardalis.Specification specification into an EF Core query: Ardalis's own IQueryable evaluators for
/// Where, OrderBy/ThenBy and Skip/Take, ours for Include/ThenInclude and EF's query options, then Select.
/// Everything runs in the database; features this evaluator cannot translate are refused, never ignored.
/// </summary>
public sealed class EfSpecificationEvaluator : ISpecificationEvaluator
{
    // Includes and query options are ignored when only the criteria are wanted (a count), so they come after Where.
    private static readonly IEvaluator[] Evaluators =
    [
        WhereEvaluator.Instance,
        IncludeEvaluator.Instance,
        OrderEvaluator.Instance,
        PaginationEvaluator.Instance,
        QueryOptionsEvaluator.Instance,
    ];

    private EfSpecificationEvaluator()
    {
    }

    public static EfSpecificationEvaluator Default { get; } = new();

    public IQueryable<TResult> GetQuery<T, TResult>(IQueryable<T> query, ISpecification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.Selector is not null && specification.SelectorMany is not null)
        {
            throw new ConcurrentSelectorsException();
        }

        if (specification.Selector is null && specification.SelectorMany is null)
        {
            throw new InvalidOperationException($"{specification.GetType().Name} has no Select.");
        }

        if (specification.PostProcessingAction is not null)
        {
            throw Unsupported(specification, "PostProcessingAction");
        }

        var filtered = GetQuery(query, (ISpecification<T>)specification);
        return specification.Selector is { } selector
            ? filtered.Select(selector)
            : filtered.SelectMany(specification.SelectorMany!);
    }

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification, bool evaluateCriteriaOnly = false)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(specification);
        if (specification.SearchCriterias.Any())
        {
            throw Unsupported(specification, "Search (it needs EF.Functions.Like)");
        }

        if (specification.PostProcessingAction is not null)
        {
            throw Unsupported(specification, "PostProcessingAction");
        }

        foreach (var evaluator in Evaluators)
        {
            if (!evaluateCriteriaOnly || evaluator.IsCriteriaEvaluator)
            {
                query = evaluator.GetQuery(query, specification);
            }
        }

        return query;
    }

    private static NotSupportedException Unsupported(object specification, string feature) =>
        new($"{specification.GetType().Name} uses {feature}, which the EF evaluator does not translate to SQL.");
}
