using Microsoft.EntityFrameworkCore;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>Read-only access by specification, shaped like Ardalis.Specification's IReadRepositoryBase.</summary>
public interface IReadRepository<T>
    where T : class
{
    Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken = default);
}

/// <summary>The EF Core implementation over one module's DbContext.</summary>
public class EfReadRepository<TContext, T>(TContext context) : IReadRepository<T>
    where TContext : DbContext
    where T : class
{
    private IQueryable<T> Set => context.Set<T>();

    public Task<List<T>> ListAsync(Specification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).ToListAsync(cancellationToken);

    public Task<List<TResult>> ListAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).ToListAsync(cancellationToken);

    public Task<T?> FirstOrDefaultAsync(Specification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<TResult?> FirstOrDefaultAsync<TResult>(Specification<T, TResult> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).FirstOrDefaultAsync(cancellationToken);

    public Task<int> CountAsync(Specification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).CountAsync(cancellationToken);

    public Task<bool> AnyAsync(Specification<T> specification, CancellationToken cancellationToken = default) =>
        SpecificationEvaluator.Apply(Set, specification).AnyAsync(cancellationToken);
}
