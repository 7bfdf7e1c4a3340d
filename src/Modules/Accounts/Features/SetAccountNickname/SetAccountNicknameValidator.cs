using FluentValidation;

namespace BillCenter.Modules.Accounts.Features.SetAccountNickname;

/// <summary>What the nickname column holds; the form that asks for it gives the cardholder's messages.</summary>
internal sealed class SetAccountNicknameValidator : AbstractValidator<Contracts.SetAccountNickname>
{
    public SetAccountNicknameValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => SetAccountNicknameHandler.Normalize(c.Nickname)).MaximumLength(Contracts.SetAccountNickname.MaxLength).OverridePropertyName(nameof(Contracts.SetAccountNickname.Nickname));
    }
}
