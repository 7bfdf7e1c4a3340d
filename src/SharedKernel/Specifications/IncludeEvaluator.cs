using System.Linq.Expressions;
using System.Reflection;
using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace BillCenter.SharedKernel.Specifications;

/// <summary>
/// Applies a specification's Include/ThenInclude chains with EF Core's own Include and ThenInclude. The chain
/// only knows its types at run time, so the generic EF methods are closed over them by reflection.
/// </summary>
internal sealed class IncludeEvaluator : IEvaluator
{
    private static readonly MethodInfo Include = EfMethod(nameof(EntityFrameworkQueryableExtensions.Include), genericArguments: 2, _ => true);

    // EF has two ThenInclude overloads: after a reference (IIncludableQueryable<TEntity, TPrevious>) and after a
    // collection (IIncludableQueryable<TEntity, IEnumerable<TPrevious>>).
    private static readonly MethodInfo ThenIncludeAfterReference =
        EfMethod(nameof(EntityFrameworkQueryableExtensions.ThenInclude), genericArguments: 3, previous => previous.IsGenericParameter);

    private static readonly MethodInfo ThenIncludeAfterCollection =
        EfMethod(nameof(EntityFrameworkQueryableExtensions.ThenInclude), genericArguments: 3, previous => !previous.IsGenericParameter);

    private IncludeEvaluator()
    {
    }

    public static IncludeEvaluator Instance { get; } = new();

    public bool IsCriteriaEvaluator => false;

    public IQueryable<T> GetQuery<T>(IQueryable<T> query, ISpecification<T> specification)
        where T : class
    {
        foreach (var path in specification.IncludeStrings)
        {
            query = query.Include(path);
        }

        foreach (var include in specification.IncludeExpressions)
        {
            var lambda = include.LambdaExpression;
            query = include.Type == IncludeTypeEnum.Include
                ? Call<T>(Include.MakeGenericMethod(typeof(T), lambda.ReturnType), query, lambda)
                : Call<T>(ThenIncludeFor<T>(include.PreviousPropertyType, lambda), query, lambda);
        }

        return query;
    }

    private static MethodInfo ThenIncludeFor<T>(Type? previousPropertyType, LambdaExpression lambda)
    {
        // The lambda starts from the previous navigation's entity: if that navigation was a collection of them,
        // its type is not the lambda's parameter type.
        var previousEntity = lambda.Parameters[0].Type;
        var afterCollection = previousPropertyType is not null && previousPropertyType != previousEntity;
        return (afterCollection ? ThenIncludeAfterCollection : ThenIncludeAfterReference)
            .MakeGenericMethod(typeof(T), previousEntity, lambda.ReturnType);
    }

    private static IQueryable<T> Call<T>(MethodInfo method, IQueryable<T> query, LambdaExpression lambda) =>
        (IQueryable<T>)method.Invoke(null, [query, lambda])!;

    private static MethodInfo EfMethod(string name, int genericArguments, Func<Type, bool> previousProperty) =>
        typeof(EntityFrameworkQueryableExtensions).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Single(m => m.Name == name
                && m.GetGenericArguments().Length == genericArguments
                && m.GetParameters() is [var source, var path]
                && path.ParameterType.IsGenericType
                && path.ParameterType.GetGenericTypeDefinition() == typeof(Expression<>)
                && (!source.ParameterType.IsGenericType
                    || source.ParameterType.GetGenericTypeDefinition() != typeof(IIncludableQueryable<,>)
                    || previousProperty(source.ParameterType.GetGenericArguments()[1])));
}
