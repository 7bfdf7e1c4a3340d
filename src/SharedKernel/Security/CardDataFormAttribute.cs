namespace BillCenter.SharedKernel.Security;

/// <summary>
/// Marks an anonymous page whose form takes card data (card number, card ID): its answers carry
/// <c>Cache-Control: no-store</c> like every signed-in page (<see cref="NoStorePageFilter"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true, AllowMultiple = false)]
public sealed class CardDataFormAttribute : Attribute;
