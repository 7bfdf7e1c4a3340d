using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>Applies a specification's EF Core query options: tracking, split queries, query filters, tags.</summary>
internal sealed class QueryOptionsEvaluator : IEvaluator
{
    private QueryOptionsEvaluator()
    {
    }

    public static QueryOptionsEvaluator Instance { get; } = new();

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        if (specification.AsNoTracking)
        {
            query = query.AsNoTracking();
        }
        else if (specification.AsNoTrackingWithIdentityResolution)
        {
            query = query.AsNoTrackingWithIdentityResolution();
        }
        else if (specification.AsTracking)
        {
            query = query.AsTracking();
        }

        if (specification.IgnoreQueryFilters)
        {
            query = query.IgnoreQueryFilters();
        }

        if (specification.IgnoreAutoIncludes)
        {
            query = query.IgnoreAutoIncludes();
        }

        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        foreach (var tag in specification.QueryTags)
        {
            query = query.TagWith(tag);
        }

        return query;
    }
}
