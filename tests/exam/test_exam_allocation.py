"""Sharing seats by weight: largest remainder, capacities, unbiased random rounding."""

from __future__ import annotations

import random

import pytest

from salesbook.exam.allocation import apportion

BIG = [99] * 6


def test_largest_remainder_by_hand():
    # quotas 30 × (20, 25, 10, 15, 15, 15) / 100 = 6; 7,5; 3; 4,5; 4,5; 4,5 → whole parts 28,
    # two seats left for the largest fractions (all ,5: the earliest, chapters 2 and 4)
    assert apportion(30, [20, 25, 10, 15, 15, 15], BIG) == [6, 8, 3, 5, 4, 4]


def test_a_group_without_room_passes_its_share_on_by_weight():
    # without the third group: 30 × (20, 25, 15, 15, 15) / 90 = 6,67; 8,33; 5; 5; 5 → one seat
    # left for the largest fraction (,67)
    assert apportion(30, [20, 25, 10, 15, 15, 15], [99, 99, 0, 99, 99, 99]) == [7, 8, 0, 5, 5, 5]
    # a capacity of 3 for the first group: 27 left over 25 : 15 : 15 : 15 → 9,64; 5,79 (×3)
    assert apportion(30, [20, 25, 10, 15, 15, 15], [3, 99, 0, 99, 99, 99]) == [3, 9, 0, 6, 6, 6]


def test_more_seats_than_room_fills_every_group():
    assert apportion(10, [1, 1, 1], [2, 3, 1]) == [2, 3, 1]


def test_zero_weight_gets_nothing_and_zero_total_is_fine():
    assert apportion(5, [1, 0, 1], [9, 9, 9]) == [3, 0, 2]
    assert apportion(0, [1, 2], [5, 5]) == [0, 0]


def test_lengths_must_match():
    with pytest.raises(ValueError):
        apportion(3, [1, 2], [1])


@pytest.mark.parametrize("seed", range(40))
def test_random_rounding_gives_floor_or_ceiling_and_the_exact_total(seed):
    rng = random.Random(seed)
    counts = apportion(7, [3, 1, 1, 2, 0.5], [9] * 5, rng)
    quotas = [7 * w / 7.5 for w in [3, 1, 1, 2, 0.5]]
    assert sum(counts) == 7
    for count, quota in zip(counts, quotas, strict=True):
        assert int(quota) <= count <= int(quota) + 1


def test_random_rounding_is_unbiased_over_many_seeds():
    # 4 seats for weights 3 : 1 : 1 → quotas 2,4; 0,8; 0,8
    runs = 4000
    totals = [0, 0, 0]
    for seed in range(runs):
        for i, count in enumerate(apportion(4, [3, 1, 1], [9, 9, 9], random.Random(seed))):
            totals[i] += count
    means = [total / runs for total in totals]
    assert means == pytest.approx([2.4, 0.8, 0.8], abs=0.03)
