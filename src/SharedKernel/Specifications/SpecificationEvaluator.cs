using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>Turns a <see cref="Specification{T}"/> into an EF Core query.</summary>
public static class SpecificationEvaluator
{
    public static IQueryable<T> Apply<T>(IQueryable<T> source, Specification<T> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(specification);
        var query = specification.AsTracking ? source : source.AsNoTracking();
        query = specification.Includes.Aggregate(query, (q, include) => include(q));
        query = specification.WhereExpressions.Aggregate(query, (q, where) => q.Where(where));

        IOrderedQueryable<T>? ordered = null;
        foreach (var (keySelector, direction) in specification.OrderExpressions)
        {
            var method = (ordered is null, direction) switch
            {
                (true, OrderDirection.Ascending) => nameof(Queryable.OrderBy),
                (true, OrderDirection.Descending) => nameof(Queryable.OrderByDescending),
                (false, OrderDirection.Ascending) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(
                typeof(Queryable), method, [typeof(T), keySelector.ReturnType], (ordered ?? query).Expression, Expression.Quote(keySelector));
            ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(call);
        }

        query = ordered ?? query;
        if (specification.AsSplitQuery)
        {
            query = query.AsSplitQuery();
        }

        if (specification.Skip is { } skip)
        {
            query = query.Skip(skip);
        }

        if (specification.Take is { } take)
        {
            query = query.Take(take);
        }

        return query;
    }

    public static IQueryable<TResult> Apply<T, TResult>(IQueryable<T> source, Specification<T, TResult> specification)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(specification);
        var selector = specification.Selector ?? throw new InvalidOperationException($"{specification.GetType().Name} has no Select.");
        return Apply(source, (Specification<T>)specification).Select(selector);
    }
}
