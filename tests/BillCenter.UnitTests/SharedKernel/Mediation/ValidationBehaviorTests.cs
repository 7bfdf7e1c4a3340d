using BillCenter.SharedKernel.Mediation;
using FluentValidation;
using MediatR;

namespace BillCenter.SharedKernel.Tests.Mediation;

public class ValidationBehaviorTests
{
    internal sealed record Transfer(string? Payee, decimal Amount) : IRequest<string>;

    private static InlineValidator<Transfer> PayeeRequired()
    {
        var validator = new InlineValidator<Transfer>();
        validator.RuleFor(t => t.Payee).NotEmpty().WithMessage("Enter a payee");
        return validator;
    }

    private static InlineValidator<Transfer> AmountPositive()
    {
        var validator = new InlineValidator<Transfer>();
        validator.RuleFor(t => t.Amount).GreaterThan(0).WithMessage("Enter an amount greater than zero");
        return validator;
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Given_failures_in_several_validators_Then_it_throws_all_of_them_and_does_not_call_the_handler()
    {
        var behavior = new ValidationBehavior<Transfer, string>([PayeeRequired(), AmountPositive()]);
        var called = false;

        var error = await Assert.ThrowsAsync<ValidationException>(() => behavior.Handle(new Transfer(null, 0m), Token, () =>
        {
            called = true;
            return Task.FromResult("sent");
        }));

        Assert.False(called);
        Assert.Equal(
            [("Payee", "Enter a payee"), ("Amount", "Enter an amount greater than zero")],
            error.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).ToArray());
    }

    [Fact]
    public async Task Given_one_failing_validator_among_passing_ones_Then_it_throws_only_that_failure()
    {
        var behavior = new ValidationBehavior<Transfer, string>([PayeeRequired(), AmountPositive()]);

        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            behavior.Handle(new Transfer("Con Ed", -5m), Token, () => Task.FromResult("sent")));

        var failure = Assert.Single(error.Errors);
        Assert.Equal("Amount", failure.PropertyName);
    }

    [Fact]
    public async Task Given_a_valid_request_Then_it_calls_the_handler_once_and_returns_its_response()
    {
        var behavior = new ValidationBehavior<Transfer, string>([PayeeRequired(), AmountPositive()]);
        var calls = 0;

        var response = await behavior.Handle(new Transfer("Con Ed", 12.50m), Token, () =>
        {
            calls++;
            return Task.FromResult("sent");
        });

        Assert.Equal("sent", response);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Given_no_validators_Then_it_calls_the_handler()
    {
        var behavior = new ValidationBehavior<Transfer, string>([]);

        Assert.Equal("sent", await behavior.Handle(new Transfer(null, 0m), Token, () => Task.FromResult("sent")));
    }

    [Fact]
    public async Task Given_no_next_delegate_Then_it_refuses()
    {
        var behavior = new ValidationBehavior<Transfer, string>([]);

        await Assert.ThrowsAsync<ArgumentNullException>(() => behavior.Handle(new Transfer("x", 1m), Token, null!));
    }
}
