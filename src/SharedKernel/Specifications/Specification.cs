using System.Linq.Expressions;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>
/// A named query, shaped like Ardalis.Specification (<c>Query.Where(..).OrderBy(..)</c>) so that a later swap to
/// that library is mechanical. Subclasses describe the query in their constructor.
/// </summary>
public abstract class Specification<T>
    where T : class
{
    protected Specification() => Query = new SpecificationBuilder<T>(this);

    protected SpecificationBuilder<T> Query { get; }

    internal List<Expression<Func<T, bool>>> WhereExpressions { get; } = [];

    internal List<(LambdaExpression KeySelector, OrderDirection Direction)> OrderExpressions { get; } = [];

    internal List<Func<IQueryable<T>, IQueryable<T>>> Includes { get; } = [];

    internal int? Skip { get; set; }

    internal int? Take { get; set; }

    internal bool AsTracking { get; set; }

    internal bool AsSplitQuery { get; set; }

    /// <summary>Whether <paramref name="entity"/> satisfies every Where of this specification (for in-memory checks).</summary>
    public bool IsSatisfiedBy(T entity) => WhereExpressions.All(w => w.Compile()(entity));
}

/// <summary>A specification that projects each <typeparamref name="T"/> to a <typeparamref name="TResult"/>.</summary>
public abstract class Specification<T, TResult> : Specification<T>
    where T : class
{
    internal Expression<Func<T, TResult>>? Selector { get; set; }

    protected void Select(Expression<Func<T, TResult>> selector) => Selector = selector;
}

internal enum OrderDirection
{
    Ascending,
    Descending,
}

public sealed class SpecificationBuilder<T>
    where T : class
{
    private readonly Specification<T> _specification;

    internal SpecificationBuilder(Specification<T> specification) => _specification = specification;

    public SpecificationBuilder<T> Where(Expression<Func<T, bool>> criteria)
    {
        _specification.WhereExpressions.Add(criteria);
        return this;
    }

    public SpecificationBuilder<T> OrderBy<TKey>(Expression<Func<T, TKey>> keySelector)
    {
        _specification.OrderExpressions.Add((keySelector, OrderDirection.Ascending));
        return this;
    }

    public SpecificationBuilder<T> OrderByDescending<TKey>(Expression<Func<T, TKey>> keySelector)
    {
        _specification.OrderExpressions.Add((keySelector, OrderDirection.Descending));
        return this;
    }

    public SpecificationBuilder<T> Include(Func<IQueryable<T>, IQueryable<T>> include)
    {
        _specification.Includes.Add(include);
        return this;
    }

    public SpecificationBuilder<T> Skip(int count)
    {
        _specification.Skip = count;
        return this;
    }

    public SpecificationBuilder<T> Take(int count)
    {
        _specification.Take = count;
        return this;
    }

    public SpecificationBuilder<T> AsTracking()
    {
        _specification.AsTracking = true;
        return this;
    }

    public SpecificationBuilder<T> AsSplitQuery()
    {
        _specification.AsSplitQuery = true;
        return this;
    }
}
