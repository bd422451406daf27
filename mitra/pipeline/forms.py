from django import forms


class MoveForm(forms.Form):
    """A card's move: an action chosen in "Move to", or the column it was dropped on.

    Whether the move is allowed is decided by `apply_transition`, not here.
    """

    action = forms.CharField(max_length=50, required=False)
    target = forms.CharField(max_length=40, required=False)
    expected_state = forms.CharField(max_length=40)
    board = forms.CharField(max_length=20, required=False)
