using Ardalis.Specification;

namespace BillCenter.SharedKernel.Specifications;

/// <summary><c>db.Set.WithSpecification(spec)</c>: a DbSet narrowed, ordered, paged and projected by a specification.</summary>
public static class SpecificationQueryableExtensions
{
    public static IQueryable<T> WithSpecification<T>(this IQueryable<T> source, ISpecification<T> specification)
        where T : class =>
        EfSpecificationEvaluator.Default.GetQuery(source, specification);

    public static IQueryable<TResult> WithSpecification<T, TResult>(this IQueryable<T> source, ISpecification<T, TResult> specification)
        where T : class =>
        EfSpecificationEvaluator.Default.GetQuery(source, specification);
}
