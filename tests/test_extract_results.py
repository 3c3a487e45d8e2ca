"""`extract/results.py`: the values and margins a sentence states, with their metric, dataset,
split and model; and their claims through the whole extractor."""
import re

import pytest

from graph.extract import results


def read(text, names=()):
    """Numbers of `text`, whose names are given as (surface, kind, entity) in order of appearance."""
    idx = [m.start() for m in re.finditer(r"\S+", text)]
    items, pos = [], 0
    for surface, kind, ent in names:
        at = text.index(surface, pos)
        pos = at + len(surface)
        start = next(i for i, s in enumerate(idx) if s == at)
        end = next((i for i, s in enumerate(idx) if s >= pos), len(idx))
        items.append((start, end, kind, ent))
    return [(n.kind, n.number, n.unit, n.metric.name if n.metric else None, n.dataset, n.head, n.split)
            for n in results.read(text, idx, items)]


D, M = "dataset", "model"


def test_results_percentage_with_metric_after_on_a_dataset():
    assert read("X achieves 84.6% top-1 accuracy on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)]) == [
        ("value", 84.6, "%", "top-1 accuracy", 1, None, None)]


def test_results_metric_before_and_lower_is_better_metric():
    assert read("X reduces the WER to 5.1 on LibriSpeech and reaches an FID of 3.2 on CIFAR-10 .",
                [("X", M, 0), ("LibriSpeech", D, 1), ("CIFAR-10", D, 2)]) == [
        ("value", 5.1, None, "WER", 1, None, None), ("value", 3.2, None, "FID", 2, None, None)]


def test_results_fraction_keeps_its_number_and_no_unit():
    assert read("X reaches an F1 of 0.88 on SQuAD .", [("X", M, 0), ("SQuAD", D, 1)]) == [
        ("value", 0.88, None, "F1", 1, None, None)]


def test_results_margins_are_not_values():
    assert read("X beats Y by 2.3% on ImageNet , a +1.2 mAP gain and 3.1 points higher .",
                [("X", M, 0), ("Y", M, 1), ("ImageNet", D, 2)]) == [
        ("margin", 2.3, "%", None, 2, None, None), ("margin", 1.2, None, "mAP", 2, None, None),
        ("margin", 3.1, None, None, 2, None, None)]


def test_results_from_to_keeps_the_new_value_only():
    assert read("X improves accuracy on WikiSQL from 69.0% to 74.4% .", [("X", M, 0), ("WikiSQL", D, 1)]) == [
        ("value", 74.4, "%", "accuracy", 1, None, None)]


def test_results_respectively_pairs_values_with_datasets_in_order():
    assert read("X reaches accuracies of 94.6% and 77.0% on CIFAR-10 and CIFAR-100 , respectively .",
                [("X", M, 0), ("CIFAR-10", D, 1), ("CIFAR-100", D, 2)]) == [
        ("value", 94.6, "%", "accuracy", 1, None, None), ("value", 77.0, "%", "accuracy", 2, None, None)]


def test_results_respectively_pairs_values_with_models_and_a_list_shares_its_metric():
    assert read("A and B achieve 78.1 and 78.3 mAP on DOTA , respectively .",
                [("A", M, 0), ("B", M, 1), ("DOTA", D, 2)]) == [
        ("value", 78.1, None, "mAP", 2, 0, None), ("value", 78.3, None, "mAP", 2, 1, None)]


def test_results_value_in_brackets_after_a_model_or_dataset():
    assert read("X reaches 84.6% on ImageNet , ahead of ResNet-50 ( 76.1% ) .",
                [("X", M, 0), ("ImageNet", D, 1), ("ResNet-50", M, 2)]) == [
        ("value", 84.6, "%", None, 1, None, None), ("value", 76.1, "%", None, 1, 2, None)]
    assert read("X is best on Kinetics ( 88.6% ) and MSVD ( 56.1% ) .",
                [("X", M, 0), ("Kinetics", D, 1), ("MSVD", D, 2)]) == [
        ("value", 88.6, "%", None, 1, None, None), ("value", 56.1, "%", None, 2, None, None)]


def test_results_split_beside_the_dataset():
    assert read("X obtains 45.2 AP on COCO test-dev .", [("X", M, 0), ("COCO", D, 1)]) == [
        ("value", 45.2, None, "AP", 1, None, "test-dev")]


def test_results_counts_years_shares_and_settings_are_not_results():
    assert read("X uses 10% of the labels and 232 images from 2019 , with 38.1% AP at 60 FPS on COCO .",
                [("X", M, 0), ("COCO", D, 1)]) == [("value", 38.1, "%", "AP", 1, None, None)]


def test_results_become_claims_one_per_value(extract):
    pg = extract("FooNet: a network", "FooNet achieves 84.6% top-1 accuracy and 97.0% top-5 accuracy on ImageNet, "
                                      "outperforming ResNet-50 by 8.5%.")
    assert [(c.head, c.relation, c.tail, c.metric, c.value, c.number, c.unit, c.margin, c.dataset)
            for c in pg.claims] == [
        ("FooNet", "outperforms", "ResNet-50", None, None, None, None, "by 8.5%", "ImageNet"),
        ("FooNet", "evaluated-on", "ImageNet", "top-1 accuracy", "84.6%", 84.6, "%", None, "ImageNet"),
        ("FooNet", "evaluated-on", "ImageNet", "top-5 accuracy", "97.0%", 97.0, "%", None, "ImageNet")]


def test_results_metric_right_before_wins_over_the_next_one():
    assert read("X reaches an FID of 3.2 and IS 8.8 on CIFAR-10 .", [("X", M, 0), ("CIFAR-10", D, 1)]) == [
        ("value", 3.2, None, "FID", 1, None, None), ("value", 8.8, None, "IS", 1, None, None)]


def test_results_a_range_of_gains_is_margins():
    assert [n[0] for n in read("X brings improvements ( 2.1% to 9.7% F1 ) on ACE .", [("X", M, 0), ("ACE", D, 1)])] == [
        "margin", "margin"]


def test_results_respectively_with_a_name_not_found_leaves_the_values_unplaced():
    # "Urbansound 8k" was not found as a dataset: which value is Esc-10's is unknown
    assert read("X reaches 98.5% and 97.5% on Urbansound 8k and Esc-10 , respectively .",
                [("X", M, 0), ("Esc-10", D, 1)]) == [
        ("value", 98.5, "%", None, None, None, None), ("value", 97.5, "%", None, None, None, None)]


def test_results_a_percentage_that_sets_the_experiment_is_not_a_result():
    assert read("X gains 6% in average precision on COCO when the occlusion ratio is 80% .",
                [("X", M, 0), ("COCO", D, 1)]) == [("margin", 6.0, "%", "AP", 1, None, None)]


def test_results_each_dataset_of_a_long_sentence_keeps_its_own_values():
    assert read("X reaches 58.0% PQ on COCO val , Cityscapes val with 68.4% PQ and 83.5% mIoU , and 74.7 mIoU at 230 FPS "
                "on CamVid test .", [("X", M, 0), ("COCO", D, 1), ("Cityscapes", D, 2), ("CamVid", D, 3)]) == [
        ("value", 58.0, "%", "PQ", 1, None, "val"), ("value", 68.4, "%", "PQ", 2, None, "val"),
        ("value", 83.5, "%", "mIoU", 2, None, "val"), ("value", 74.7, None, "mIoU", 3, None, "test")]


def test_results_respectively_at_the_end_of_the_sentence():
    assert read("X reaches Hmean 84.1% and 82.0% on ICDAR2015 and MSRA-TD500 respectively.",
                [("X", M, 0), ("ICDAR2015", D, 1), ("MSRA-TD500", D, 2)]) == [
        ("value", 84.1, "%", "harmonic mean", 1, None, None), ("value", 82.0, "%", "harmonic mean", 2, None, None)]


def test_results_a_bracketed_value_of_something_not_found_is_left_out():
    assert read("X obtains a 38% success rate on PDBBind , beating traditional docking ( 23% ) with a fast model "
                "( 42.6 dB PSNR ) .", [("X", M, 0), ("PDBBind", D, 1)]) == [
        ("value", 38.0, "%", "success rate", 1, None, None), ("value", 23.0, "%", None, None, None, None),
        ("value", 42.6, "dB", "PSNR", 1, None, None)]  # unplaced (no dataset): no claim states it


def test_results_a_score_after_with_is_a_result_an_overlap_after_with_a_condition():
    assert read("X outperforms others with F1 score of 79.6% on Lanes and reaches mAP 40.1 on Boxes with IoU 0.5 .",
                [("X", M, 0), ("Lanes", D, 1), ("Boxes", D, 2)]) == [
        ("value", 79.6, "%", "F1", 1, None, None), ("value", 40.1, None, "mAP", 2, None, None)]


def test_results_a_metric_named_with_qualifying_words_is_the_values():
    assert read("X reaches an 82.3% linear probing accuracy on Pics and 83.0 program accuracy on Sums .",
                [("X", M, 0), ("Pics", D, 1), ("Sums", D, 2)]) == [
        ("value", 82.3, "%", "accuracy", 1, None, None), ("value", 83.0, None, "accuracy", 2, None, None)]


def test_results_a_list_of_values_that_opens_a_clause_is_on_the_dataset_after_it():
    assert read("X reaches 26.8 PQ , 16.8 AP , and 34.1 mIoU on Halls , 18.2 PQ , 27.9 mIoU on Vistas , 44.0 PQ on City , "
                "beating Y by +4.2 PQ on Halls and +4.0 PQ on Vistas , respectively .",
                [("X", M, 0), ("Halls", D, 1), ("Vistas", D, 2), ("City", D, 3), ("Y", M, 4), ("Halls", D, 1),
                 ("Vistas", D, 2)])[:6] == [
        ("value", 26.8, None, "PQ", 1, None, None), ("value", 16.8, None, "AP", 1, None, None),
        ("value", 34.1, None, "mIoU", 1, None, None), ("value", 18.2, None, "PQ", 2, None, None),
        ("value", 27.9, None, "mIoU", 2, None, None), ("value", 44.0, None, "PQ", 3, None, None)]


def test_results_a_value_in_brackets_after_a_value_is_an_aside_on_the_same_dataset():
    assert read("X reaches accuracies of 94.6 ( 95.6 for an ensemble ) and 77.0 on Tens and Hundreds , respectively .",
                [("X", M, 0), ("Tens", D, 1), ("Hundreds", D, 2)]) == [
        ("value", 94.6, None, "accuracy", 1, None, None), ("value", 95.6, None, "accuracy", 1, None, None),
        ("value", 77.0, None, "accuracy", 2, None, None)]


def test_results_respectively_pairs_runs_of_values_with_datasets():
    assert read("X leads on Cu labeled , Cu detected and Mk with 85.1% mAP / 87.2% rank1 , 82.4% mAP / 84.9% rank1 , "
                "and 91.5% mAP / 96.3% rank1 , respectively .",
                [("X", M, 0), ("Cu", D, 1), ("Cu", D, 1), ("Mk", D, 2)]) == [
        ("value", 85.1, "%", "mAP", 1, None, None), ("value", 87.2, "%", "rank-1 accuracy", 1, None, None),
        ("value", 82.4, "%", "mAP", 1, None, None), ("value", 84.9, "%", "rank-1 accuracy", 1, None, None),
        ("value", 91.5, "%", "mAP", 2, None, None), ("value", 96.3, "%", "rank-1 accuracy", 2, None, None)]
    assert read("X leads on Dota , Ucas , Hrsc with 76.6% mAP , 97.0% mAP , and 90.5% mAP respectively .",
                [("X", M, 0), ("Dota", D, 1), ("Ucas", D, 2), ("Hrsc", D, 3)]) == [
        ("value", 76.6, "%", "mAP", 1, None, None), ("value", 97.0, "%", "mAP", 2, None, None),
        ("value", 90.5, "%", "mAP", 3, None, None)]


def test_results_a_list_of_values_with_as_many_metrics_listed_takes_one_each():
    assert read("X achieves 68.96 and 65.21 of execution accuracy and program F1 on the Fin dataset and 83.00 program "
                "accuracy on the Math dataset .", [("X", M, 0), ("Fin", D, 1), ("Math", D, 2)]) == [
        ("value", 68.96, None, "accuracy", 1, None, None), ("value", 65.21, None, "F1", 1, None, None),
        ("value", 83.0, None, "accuracy", 2, None, None)]
    assert read("X reaches top-1 and top-5 errors of 29.5% and 10.4% on Nets .", [("X", M, 0), ("Nets", D, 1)]) == [
        ("value", 29.5, "%", "top-1 error", 1, None, None), ("value", 10.4, "%", "top-5 error", 1, None, None)]


def test_results_a_value_compared_with_is_anothers_and_is_skipped_on_the_way_to_the_dataset():
    assert read("X enjoys F1 score of 81.4% compared with 80.5% of the existing method on Lanes , and 86.5% compared "
                "with 86.1% on Curves , and MM ( 40.2 vs. 35.4 ) .", [("X", M, 0), ("Lanes", D, 1), ("Curves", D, 2)]) == [
        ("value", 81.4, "%", "F1", 1, None, None), ("value", 86.5, "%", "F1", 2, None, None)]


def test_results_a_list_of_values_far_after_another_dataset_is_on_the_dataset_after_it():
    assert read("With Common training only , our method achieves 23.4 PQ and 30.0 mIoU on the Halls dataset .",
                [("Common", D, 0), ("Halls", D, 1)]) == [
        ("value", 23.4, None, "PQ", 1, None, None), ("value", 30.0, None, "mIoU", 1, None, None)]


def test_results_a_list_of_values_on_as_many_listed_datasets_takes_one_each():
    assert read("X reaches 71.1% AUC , 89.3% precision , and 73.0% recall on Lasso , Tracks , and Goats .",
                [("X", M, 0), ("Lasso", D, 1), ("Tracks", D, 2), ("Goats", D, 3)]) == [
        ("value", 71.1, "%", "AUC", 1, None, None), ("value", 89.3, "%", "precision", 2, None, None),
        ("value", 73.0, "%", "recall", 3, None, None)]


def test_results_a_dataset_in_brackets_right_after_a_value_is_its_dataset():
    assert read("X reaches accuracies of 97.0 % ( Tens ) , 91.5 % ( Fifties ) and 84.2 % ( Urban mono ) .",
                [("X", M, 0), ("Tens", D, 1), ("Fifties", D, 2)]) == [
        ("value", 97.0, "%", "accuracy", 1, None, None), ("value", 91.5, "%", "accuracy", 2, None, None),
        ("value", 84.2, "%", "accuracy", None, None, None)]


def test_results_tracking_and_edge_metrics_and_a_metric_after_for():
    assert read("X reaches 70.7 SUC on Lasso , 89.3% NP on Tracks , an ODS of 0.824 on Edges and 78.9% for F1 score on "
                "Questions .", [("X", M, 0), ("Lasso", D, 1), ("Tracks", D, 2), ("Edges", D, 3), ("Questions", D, 4)]) == [
        ("value", 70.7, None, "AUC", 1, None, None), ("value", 89.3, "%", "normalized precision", 2, None, None),
        ("value", 0.824, None, "ODS", 3, None, None), ("value", 78.9, "%", "F1", 4, None, None)]


def test_results_a_bare_number_reached_on_a_dataset_is_a_value_a_count_is_not():
    assert read("Ensembles achieve 79.2 on Poses test-dev , 77.1 on Poses test-challenge and a performance of 92.3 on "
                "Pairs , training 300 on Pairs .", [("Poses", D, 0), ("Poses", D, 0), ("Pairs", D, 1), ("Pairs", D, 1)]) == [
        ("value", 79.2, None, None, 0, None, "test-dev"), ("value", 77.1, None, None, 0, None, "test-challenge"),
        ("value", 92.3, None, None, 1, None, None)]


def test_results_a_series_of_gains_stays_margins_and_anothers_values_are_left_out():
    assert [n[:2] for n in read("X beats others by considerable 16.7% and 7.9% on Mk and Ms , by 21.9 percent on Rot , "
                                "5.9 percent on Tot , with an improvement , of up to 21% .",
                                [("X", M, 0), ("Mk", D, 1), ("Ms", D, 2), ("Rot", D, 3), ("Tot", D, 4)])] == [
        ("margin", 16.7), ("margin", 7.9), ("margin", 21.9), ("margin", 5.9), ("margin", 21.0)]
    assert read("X reaches 63.6% and 64.0% , compared to 54.9% and 54.4% by former solutions in terms of mAP on Scans .",
                [("X", M, 0), ("Scans", D, 1)]) == [
        ("value", 63.6, "%", "mAP", 1, None, None), ("value", 64.0, "%", "mAP", 1, None, None)]


def test_results_an_unknown_acronym_after_a_value_does_not_hide_the_dataset_after_it():
    assert read("X reaches 75.5% EX on Spider , 52.6% IEX on Sparks , and 72.4% ( +0.6% ) on Conll and 80.7% ( +2.3% ) "
                "on Adverse .", [("X", M, 0), ("Spider", D, 1), ("Sparks", D, 2), ("Conll", D, 3)])[:4] == [
        ("value", 75.5, "%", None, 1, None, None), ("value", 52.6, "%", None, 2, None, None),
        ("value", 72.4, "%", None, 3, None, None), ("margin", 0.6, "%", None, 3, None, None)]


def test_results_costs_are_not_results_a_written_model_size_is():
    assert read("X reaches 70.3% mIoU on City with 1.7 GFLOPs at a speed of 160 FPS , with 5.7M parameters and 6 "
                "parameters .", [("X", M, 0), ("City", D, 1)]) == [
        ("value", 70.3, "%", "mIoU", 1, None, None), ("value", 5.7, "M", "number of parameters", 1, None, None)]


def test_results_respectively_within_its_own_clause_and_over_listed_splits():
    assert read("X improves the perplexities on the Penn and Wiki datasets to 51.1 and 44.3 respectively , and the "
                "cross-entropies on the Text and Hutter datasets to 1.19 bits/char and 1.08 bits/char respectively .",
                [("X", M, 0), ("Penn", D, 1), ("Wiki", D, 2), ("Text", D, 3), ("Hutter", D, 4)]) == [
        ("value", 51.1, None, "perplexity", 1, None, None), ("value", 44.3, None, "perplexity", 2, None, None),
        ("value", 1.19, None, "BPC", 3, None, None), ("value", 1.08, None, "BPC", 4, None, None)]
    assert read("X achieves 5.53% WER on Wall dataset , and 5.42% and 14.70% on Libri test-clean and test-other set , "
                "respectively .", [("X", M, 0), ("Wall", D, 1), ("Libri", D, 2)]) == [
        ("value", 5.53, "%", "WER", 1, None, None), ("value", 5.42, "%", "WER", 2, None, "test-clean"),
        ("value", 14.7, "%", "WER", 2, None, "test-other")]


def test_results_a_list_of_percentages_after_with_is_results_not_a_share():
    assert read("X shows results on Coco , Voc , Nus with 88.5% , 95.8% , 65.5% respectively , trained with 10% labels .",
                [("X", M, 0), ("Coco", D, 1), ("Voc", D, 2), ("Nus", D, 3)]) == [
        ("value", 88.5, "%", None, 1, None, None), ("value", 95.8, "%", None, 2, None, None),
        ("value", 65.5, "%", None, 3, None, None)]


def test_results_plural_metrics_and_units_of_measurement():
    assert read("X sets record FIDs of 10.78 , 3.52 and 21.17 on Livers , Chests and Hearts , reaches 42.1mm MPJPE on "
                "Poses and improves deblurring from 32.92 dB to 33.57 dB on Blurs .",
                [("X", M, 0), ("Livers", D, 1), ("Chests", D, 2), ("Hearts", D, 3), ("Poses", D, 4), ("Blurs", D, 5)]) == [
        ("value", 10.78, None, "FID", 1, None, None), ("value", 3.52, None, "FID", 2, None, None),
        ("value", 21.17, None, "FID", 3, None, None), ("value", 42.1, "mm", "MPJPE", 4, None, None),
        ("value", 33.57, "dB", None, 5, None, None)]


def test_results_gains_named_past_their_metric_and_old_values_past_a_bracket_are_not_values():
    assert [n[:2] for n in read("X brings 2.7% panoptic quality ( PQ ) improvement on Coco , 2.1dB SDR improvement on Mix , "
                                "+4.35 mAP ( relative : 10.4% ) on Audio , and improves the AUROC from 85% ( current SOTA ) "
                                "to 96% on Tens .", [("X", M, 0), ("Coco", D, 1), ("Mix", D, 2), ("Audio", D, 3),
                                                      ("Tens", D, 4)])] == [
        ("margin", 2.7), ("margin", 2.1), ("margin", 4.35), ("margin", 10.4), ("value", 96.0)]


def test_results_respectively_before_the_datasets_and_lists_that_cannot_be_paired():
    assert read("X reaches accuracies of 99.90% and 99.84% respectively , on Sat4 and Sat6 .",
                [("X", M, 0), ("Sat4", D, 1), ("Sat6", D, 2)]) == [
        ("value", 99.9, "%", "accuracy", 1, None, None), ("value", 99.84, "%", "accuracy", 2, None, None)]
    assert read("X achieves Recall@1 scores of 72.2 , 90.1 , 81.4 , and 90.9 on the Cub , Cars196 , Sop , and Shop "
                "datasets , respectively .", [("X", M, 0), ("Cars196", D, 1), ("Shop", D, 2)]) == [
        ("value", n, None, "recall@1", None, None, None) for n in (72.2, 90.1, 81.4, 90.9)]
    assert read("X reaches AUCs of 85.78% and 92.07% on three publicly available datasets , including Chex .",
                [("X", M, 0), ("Chex", D, 1)]) == [
        ("value", 85.78, "%", "AUC", None, None, None), ("value", 92.07, "%", "AUC", None, None, None)]


def test_results_a_count_in_millions_is_not_a_score():
    assert read("X pre-trained with 13M images reaches 86.0% top-1 accuracy on Nets .", [("X", M, 0), ("Nets", D, 1)]) == [
        ("value", 86.0, "%", "top-1 accuracy", 1, None, None)]


def test_results_bare_values_listed_respectively_or_in_brackets_after_a_dataset():
    assert read("X raises the results on Ace4 , Ace5 and Conll to 49.4 ( +1.0 ) , 60.2 ( +0.6 ) and 68.9 ( +1.1 ) , "
                "respectively , and reaches Vet ( 40.2 vs. 35.4 ) .",
                [("X", M, 0), ("Ace4", D, 1), ("Ace5", D, 2), ("Conll", D, 3), ("Vet", D, 4)]) == [
        ("value", 49.4, None, None, 1, None, None), ("margin", 1.0, None, None, 1, None, None),
        ("value", 60.2, None, None, 2, None, None), ("margin", 0.6, None, None, 2, None, None),
        ("value", 68.9, None, None, 3, None, None), ("margin", 1.1, None, None, 3, None, None),
        ("value", 40.2, None, None, 4, None, None)]


def test_results_a_value_and_its_gain_in_one_bracket_and_a_metric_in_brackets_before_of():
    assert read("On the Mk dataset , X achieves ( 77.4+4.2 ) % mAP and an area under the curve ( AUC ) of 0.98 .",
                [("Mk", D, 0), ("X", M, 1)]) == [
        ("value", 77.4, "%", "mAP", 0, None, None), ("value", 0.98, None, "AUC", 0, None, None)]


def test_results_a_task_between_a_value_and_its_dataset_and_training_datasets_are_not_where_values_are():
    assert read("X reaches 73.0% accuracy on Emo , 2.36% equal error rate for Speaker Verification on Vox ; with Big "
                "pre-training , X achieves 88.7% top-1 accuracy .",
                [("X", M, 0), ("Emo", D, 1), ("Vox", D, 2), ("Big", D, 3), ("X", M, 0)]) == [
        ("value", 73.0, "%", "accuracy", 1, None, None), ("value", 2.36, "%", "EER", 2, None, None),
        ("value", 88.7, "%", "top-1 accuracy", 2, None, None)]
    assert read("X reaches 98.3 AUROC on Anom ; 83.7 of image AUROC and 67.4 of pixel AUROC on Loco .",
                [("X", M, 0), ("Anom", D, 1), ("Loco", D, 2)]) == [
        ("value", 98.3, None, "AUC", 1, None, None), ("value", 83.7, None, "AUC", 2, None, None),
        ("value", 67.4, None, "AUC", 2, None, None)]


def test_results_ranges_of_gains_and_gains_over_the_previous_best_are_margins():
    assert [n[:3] for n in read("X improves by 5% and 2% in accuracy and 10% and 3% in forgetting on Tens , brings 8.3-10.4% "
                                "improvement on Drones and 33.69 dB PSNR on Blurs , exceeding the previous SOTA 0.38 dB .",
                                [("X", M, 0), ("Tens", D, 1), ("Drones", D, 2), ("Blurs", D, 3)])] == [
        ("margin", 5.0, "%"), ("margin", 2.0, "%"), ("margin", 10.0, "%"), ("margin", 3.0, "%"), ("margin", 8.3, "%"),
        ("value", 33.69, "dB"), ("margin", 0.38, "dB")]


def test_results_shares_of_a_dataset_or_of_costs_and_gains_over_the_baseline():
    assert read("X trained on 100% of the Rel dataset reaches 67.4% F1 on Rel with only 7.5% and 30% of its operations , "
                "with improvements over the baseline , up to 8.7% , and up to 4.0% Nets top1 accuracy improvement .",
                [("X", M, 0), ("Rel", D, 1), ("Rel", D, 1), ("Nets", D, 2)]) == [
        ("value", 67.4, "%", "F1", 1, None, None), ("margin", 8.7, "%", None, 1, None, None),
        ("margin", 4.0, "%", None, 2, None, None)]


def test_results_respectively_in_a_sentence_naming_no_dataset_pairs_with_those_named_before():
    text = "X-B achieves P1 errors of 38.4 mm and 16.2 mm , respectively ."
    idx = [m.start() for m in re.finditer(r"\S+", text)]
    assert [(n.number, n.unit, n.metric.name, n.dataset) for n in results.read(text, idx, [(0, 1, M, 0)], (5, 6))] == [
        (38.4, "mm", "error rate", 5), (16.2, "mm", "error rate", 6)]
    assert [n.dataset for n in results.read(text, idx, [(0, 1, M, 0)])] == [None, None]


def test_results_respectively_after_the_datasets_sentence_become_claims(extract):
    pg = extract("FooNet: a network", "We evaluate FooNet on two benchmarks: Human3.6M and MPI-INF-3DHP. FooNet achieves "
                                      "P1 errors of 38.4 mm and 16.2 mm, respectively.")
    assert [(c.head, c.tail, c.value) for c in pg.claims if c.relation == "evaluated-on" and c.value] == [
        ("FooNet", "Human3.6M", "38.4 mm"), ("FooNet", "MPI-INF-3DHP", "16.2 mm")]


def test_results_values_paired_respectively_with_an_unclaimed_dataset_become_claims(extract):
    pg = extract("FooNet: a network", "FooNet achieves AUCs of 0.9816, 0.9851, and 0.9881 on three mainstream datasets, "
                                      "namely DRIVE, CHASE-DB1, and STARE, respectively.")
    assert sorted((c.tail, c.value) for c in pg.claims if c.relation == "evaluated-on" and c.value) == [
        ("CHASE_DB1", "0.9851"), ("DRIVE", "0.9816"), ("STARE", "0.9881")]


def test_results_a_level_may_qualify_a_metric():
    assert read("X ranks second with 75.00% L1 mAP and 69.72% L2 mAP in the real-time track of the Waymo Challenge .",
                [("X", M, 0), ("Waymo", D, 1)]) == [
        ("value", 75.0, "%", "mAP", 1, None, None), ("value", 69.72, "%", "mAP", 1, None, None)]


def test_results_values_stated_for_previous_work_or_baselines_are_others():
    assert [n for n in read("X reaches 98.1% on Mk , improving from the baselines 91.2% and 83.8% , while the previously reported "
                "97.4% on Mk is invalid ; X improves the previous best from 65.0%/47.0% to 77.8%/66.0% .",
                [("X", M, 0), ("Mk", D, 1), ("Mk", D, 1), ("X", M, 0)]) if n[0] == "value"] == [
        ("value", 98.1, "%", None, 1, None, None), ("value", 77.8, "%", None, 1, None, None),
        ("value", 66.0, "%", None, 1, None, None)]


def test_results_respectively_with_fewer_names_found_than_values_is_left_unplaced():
    assert read("X is evaluated on the Herlev ( 7-class ) dataset , and the SIPaKMeD dataset achieving accuracies of "
                "99.47% , 98.32% and 97.87% respectively .", [("X", M, 0), ("SIPaKMeD", D, 1)]) == [
        ("value", 99.47, "%", "accuracy", None, None, None), ("value", 98.32, "%", "accuracy", None, None, None),
        ("value", 97.87, "%", "accuracy", None, None, None)]


def test_results_a_value_on_a_name_not_found_is_not_given_to_the_next_dataset():
    assert read("X achieves 77.3% Top-1 accuracy on Something-Something-v2 and 41.1 mAP on AVA , and 0.99 BPC on "
                "enwik9 and 1.08 BPC on text8 .", [("X", M, 0), ("AVA", D, 1), ("text8", D, 2)]) == [
        ("value", 77.3, "%", "top-1 accuracy", None, None, None), ("value", 41.1, None, "mAP", 1, None, None),
        ("value", 0.99, None, "BPC", None, None, None), ("value", 1.08, None, "BPC", 2, None, None)]


def test_results_a_series_of_margins_goes_on_past_its_metric():
    assert read("X outperforms the state of the art by a margin of 3.7% mIoU on PASCAL-5 and 7.0% mIoU on COCO-20 .",
                [("X", M, 0), ("PASCAL-5", D, 1), ("COCO-20", D, 2)]) == [
        ("margin", 3.7, "%", "mIoU", 1, None, None), ("margin", 7.0, "%", "mIoU", 2, None, None)]


@pytest.mark.parametrize("text,names,expected", [
    ("X promotes Y by 1.7 AP ( 73.5 to 75.2 ) on COCO .", [("X", M, 0), ("Y", M, 1), ("COCO", D, 2)],
     [("margin", 1.7, None, "AP", 2, None, None), ("value", 75.2, None, "AP", 2, None, None)]),  # the old value
    ("X improves map@tIoU=0.5 on THUMOS-14 from 19.0% to 31.0% .", [("X", M, 0), ("THUMOS-14", D, 1)],
     [("value", 31.0, "%", None, 1, None, None)]),  # a threshold
    ("X obtains 35.4% mAP on ActivityNet and mAP 54.1% at IoU@0.5 on THUMOS-14 .",
     [("X", M, 0), ("ActivityNet", D, 1), ("THUMOS-14", D, 2)],
     [("value", 35.4, "%", "mAP", 1, None, None), ("value", 54.1, "%", "mAP", 2, None, None)]),
    ("X reaches 84.6 F1 on SQuAD , better than the best published F1 score of 81.8 .", [("X", M, 0), ("SQuAD", D, 1)],
     [("value", 84.6, None, "F1", 1, None, None)]),  # another's value
    ("X reaches 84.2% accuracy on FSNS , outperforming the previous state of the art ( Y ) , which achieved 72.46% .",
     [("X", M, 0), ("FSNS", D, 1)], [("value", 84.2, "%", "accuracy", 1, None, None)]),
    ("X shows better accuracy on AMR 2.0 and 3.0 .", [("X", M, 0), ("AMR 2.0", D, 1)], []),  # a version of the name
    ("For the MMI dataset , currently the best accuracy is 93.33% .", [("MMI", D, 0)], []),
    ("On ImageNet , today's best models achieve upwards of 97% top-1 accuracy .", [("ImageNet", D, 0)], []),
    ("X sets a new state of the art on both Mapillary ( 61.1 IoU val ) and Cityscapes ( 85.1 IoU test ) .",
     [("X", M, 0), ("Cityscapes", D, 1)], [("value", 61.1, None, "IoU", None, None, None),
                                           ("value", 85.1, None, "IoU", 1, None, None)]),  # on a name not found
    ("On PTB , increasing the depth from 1 to 10 improves word-level perplexity .", [("PTB", D, 0)], []),  # a setting
])
def test_results_numbers_that_are_not_the_results_of_the_model(text, names, expected):
    assert read(text, names) == expected


@pytest.mark.parametrize("text", [
    "X outperforms Y with a 2x speed-up .",
    "X outperforms Y with 44% fewer FLOPs .",
    "X outperforms Y with 1.25x parameters .",
    "X outperforms Y while being 18 times faster .",
    "X has 10x the throughput of Y .",
])
def test_results_what_a_win_costs_is_not_its_margin(text):
    assert read(text, [("X", M, 0), ("Y", M, 1)]) == []


def test_results_a_quality_margin_beside_a_cost_stays():
    assert read("X outperforms Y by 2.1 F1 with 44% fewer FLOPs .", [("X", M, 0), ("Y", M, 1)]) == [
        ("margin", 2.1, None, "F1", None, None, None)]


@pytest.mark.parametrize("text,names,expected", [
    ("X achieves a top-1/top-5 error rate of 24.1%/7.1% on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)],
     [("value", 24.1, "%", "top-1 error", 1, None, None), ("value", 7.1, "%", "top-5 error", 1, None, None)]),
    ("X gets 21.2% top-1 and 5.6% top-5 error on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)],
     [("value", 21.2, "%", "top-1 error", 1, None, None), ("value", 5.6, "%", "top-5 error", 1, None, None)]),
    ("X gets 80.2% top-1 and 95.1% top-5 accuracy on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)],
     [("value", 80.2, "%", "top-1 accuracy", 1, None, None), ("value", 95.1, "%", "top-5 accuracy", 1, None, None)]),
])
def test_results_a_bare_top_k_takes_the_noun_of_its_list(text, names, expected):
    assert read(text, names) == expected


@pytest.mark.parametrize("text,names,expected", [
    ("X reduces the gap to within 3.0% top-1 accuracy on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)], []),
    ("X reaches 46.5 AP and 67.4 AP_ 50 on COCO .", [("X", M, 0), ("COCO", D, 1)],
     [("value", 46.5, None, "AP", 1, None, None)]),  # a subscript is no value
    ("X outperforms Y by 5.80 , 4.60 , in terms of BLEU-3 , 4 on CommonGen .",
     [("X", M, 0), ("Y", M, 1), ("CommonGen", D, 2)],
     [("margin", 5.8, None, None, 2, None, None), ("margin", 4.6, None, None, 2, None, None)]),
    ("X increases the performance of SSD by mAP of 6.4% AP on COCO .", [("X", M, 0), ("SSD", M, 1), ("COCO", D, 2)],
     [("margin", 6.4, "%", "AP", 2, None, None)]),
    ("X brings AP boostings of 5.8% on COCO .", [("X", M, 0), ("COCO", D, 1)], [("margin", 5.8, "%", None, 1, None, None)]),
    ("X achieves a $2.2%$ AP improvement over Y on COCO .", [("X", M, 0), ("Y", M, 1), ("COCO", D, 2)],
     [("margin", 2.2, "%", None, 2, None, None)]),
])
def test_results_gaps_gains_and_indices_are_no_values(text, names, expected):
    assert read(text, names) == expected


@pytest.mark.parametrize("text,metric", [
    ("X reaches 78.2 AP on COCO for 2D pose estimation .", "keypoint AP"),
    ("X reaches 46.3 AP on COCO for instance segmentation .", "mask AP"),
    ("X reaches 47.0 AP on COCO object detection .", "AP"),
    ("X reaches 47.0 AP on COCO for instance segmentation and object detection .", "AP"),  # which one is unknown
])
def test_results_a_plain_ap_is_the_ap_of_the_sentences_one_task(text, metric):
    assert read(text, [("X", M, 0), ("COCO", D, 1)]) == [("value", float(text.split()[2]), None, metric, 1, None, None)]


def test_results_an_aside_naming_the_same_metric_is_left_out_and_an_asides_metric_stays_its_own():
    assert read("X achieves 55.5% AP ( 73.4% AP ) on COCO .", [("X", M, 0), ("COCO", D, 1)]) == [
        ("value", 55.5, "%", "AP", 1, None, None)]  # the aside's subscript (AP_50) was lost
    assert read("X achieves 85.4% ( 97.6% top-5 ) on ImageNet .", [("X", M, 0), ("ImageNet", D, 1)]) == [
        ("value", 85.4, "%", None, 1, None, None), ("value", 97.6, "%", "top-5 accuracy", 1, None, None)]


def test_results_a_range_of_thresholds_is_no_value():
    assert read("X reaches 45.2 mAP ( IoU [0.5:0.05:0.95] ) on COCO .", [("X", M, 0), ("COCO", D, 1)]) == [
        ("value", 45.2, None, "mAP", 1, None, None)]


def test_results_margins_listed_respectively_go_to_their_own_tails(extract):
    pg = extract("A study", "Our tracker outperforms SiamRPN and MixFormerV2-S by 7.9% and 5.8%, respectively.")
    assert [(c.tail, c.margin) for c in pg.claims if c.relation == "outperforms"] == [
        ("SiamRPN", "by 7.9%"), ("MixFormerV2-S", "5.8%")]


def test_results_a_range_of_gains_is_one_margin_and_a_count_is_none():
    assert read("X outperforms Y by 1% - 18% on Z .", [("X", M, 0), ("Y", M, 1), ("Z", D, 2)]) == [
        ("margin", 1.0, "%", None, 2, None, None)]
    assert read("X reaches 84.1% - 85.3% accuracy on Z .", [("X", M, 0), ("Z", D, 1)]) == [
        ("value", 84.1, "%", "accuracy", 1, None, None), ("value", 85.3, "%", "accuracy", 1, None, None)]
    assert read("X outperformed 13 other competitors on Z .", [("X", M, 0), ("Z", D, 1)]) == []


def test_results_a_bare_number_in_brackets_after_a_margin_is_a_margin_of_another_setting():
    assert read("X gains 8.2% ( 4.8% ) over Y on ImageNet .", [("X", M, 0), ("Y", M, 1), ("ImageNet", D, 2)]) == [
        ("margin", 8.2, "%", None, 2, None, None), ("margin", 4.8, "%", None, 2, None, None)]


def test_results_margins_before_their_tails_pair_respectively_within_each_list(extract):
    pg = extract("A study", "Our models achieve 8.2% (4.8%) and 6.7% (9.3%) accuracy gains over MobileNetV2 and "
                            "MnasNet, respectively, and 2.7% and 5.6% gains over ResNet-101 and ResNet-152, "
                            "respectively, on ImageNet.")
    assert [(c.tail, c.margin) for c in pg.claims if c.relation == "outperforms"] == [
        ("MobileNetV2", "8.2%"), ("MnasNet", "6.7%"), ("ResNet-101", "2.7%"), ("ResNet-152", "5.6%")]
    assert [c.value for c in pg.claims if c.relation == "evaluated-on"] == [None]


def test_results_a_score_named_before_by_an_unknown_name_takes_no_other_metric():
    assert read("On MVTec AD , X reaches an AUCROC score of 98.8% and a PRO score of 97.1% .",
                [("MVTec AD", D, 0), ("X", M, 1)]) == [
        ("value", 98.8, "%", None, 0, None, None), ("value", 97.1, "%", "AUPRO", 0, None, None)]


def test_results_a_margin_stated_right_before_over_or_against_is_that_tails(extract):
    wins = lambda title, text: [(c.tail, c.margin) for c in extract(title, text).claims if c.relation == "outperforms"]
    assert wins("A study", "Our model reaches 91.9% accuracy on SNLI, gaining improvements of 5.7% against ETPA and "
                           "0.6% against NILE.") == [("ETPA", "of 5.7%"), ("NILE", "0.6%")]
    assert wins("A study", "Our model achieves an average +4.0% absolute improvement over the BPE baseline across 30 "
                           "tasks (including +8.2% on MMLU).") == [("BPE", "+4.0%")]
    # a margin that is another name's is none of this one's; a margin ending a list pairs with none alone
    assert wins("A study", "Our model shows large gains (72.3% bit rate saving over HNeRV and 43.4% over DCVC).") == \
        [("DCVC", "43.4%")]
    assert wins("A study", "Our model gives F1 improvements of 19.22 and 3.22 compared to ERNIE and BERT, "
                           "respectively.") == [("ERNIE", "of 19.22"), ("BERT", "3.22")]
    # a margin before coordinated losers is each one's; one another loser's "over" follows is not
    assert wins("A study", "Our model improves accuracy by 2.1% over BERT and RoBERTa.") == \
        [("BERT", "by 2.1%"), ("RoBERTa", "by 2.1%")]
    assert wins("A study", "Our model improves accuracy by 3.4% over BERT and scores higher than RoBERTa by 1.2%.") == \
        [("BERT", "by 3.4%"), ("RoBERTa", "by 1.2%")]
    assert wins("A study", "Our model shows gains of 3.2% (over BERT) and 1.1% (over RoBERTa).") == \
        [("BERT", "of 3.2%"), ("RoBERTa", "1.1%")]


def test_results_a_value_after_a_win_over_a_name_stays_a_value(extract):
    pg = extract("A study", "Our model gains 2.1% over BERT and 88.5% accuracy on SST-2.")
    assert [(c.relation, c.tail, c.margin, c.value) for c in pg.claims] == [
        ("outperforms", "BERT", "2.1%", None), ("evaluated-on", "SST-2", None, "88.5%")]


def test_results_a_latex_times_is_a_factor_so_a_speed_up_is_no_margin(extract):
    pg = extract("A study", "Our model outperforms DeiT on ImageNet while training $3\\times$ faster.")
    assert [(c.tail, c.margin) for c in pg.claims if c.relation == "outperforms"] == [("DeiT", None)]


def test_results_a_size_or_exponent_is_no_margin(extract):
    for text in ("Our method achieves 12.3 FID on FFHQ at $256\\times256$ resolution, outperforming StyleGAN2.",
                 "At 256 × 256 resolution our model outperforms StyleGAN2.",
                 "With a learning rate of $2\\times10^{-5}$ our model outperforms StyleGAN2."):
        assert [(c.tail, c.margin) for c in extract("A study", text).claims if c.relation == "outperforms"] == \
            [("StyleGAN2", None)], text


def test_results_a_spread_after_plus_minus_is_not_a_value():
    assert read("X reaches an AUC of 87.74 ± 0.13 and 88.24 +/- 0.15 on Prot and 85.2 ± 0.3% accuracy on Qa .",
                [("X", M, 0), ("Prot", D, 1), ("Qa", D, 2)]) == [
        ("value", 87.74, None, "AUC", 1, None, None), ("value", 88.24, None, "AUC", 1, None, None),
        ("value", 85.2, "%", "accuracy", 2, None, None)]


def test_results_a_span_of_others_results_is_not_a_value():
    assert read("X reaches 99.4% accuracy on Smile , while existing methods range from 65.5% to 79.6% .",
                [("X", M, 0), ("Smile", D, 1)]) == [("value", 99.4, "%", "accuracy", 1, None, None)]


def test_results_a_gain_over_a_pronoun_is_a_margin():
    assert [n[:2] for n in read("We exceed it 0.11dB in PSNR on Sidd .", [("Sidd", D, 0)])] == [("margin", 0.11)]


def test_results_a_count_before_a_noun_is_not_a_value_and_does_not_hide_the_dataset():
    assert read("X reaches 87.5% on Inet and 76.3% on the 19 task Vtab .", [("X", M, 0), ("Inet", D, 1), ("Vtab", D, 2)]) == [
        ("value", 87.5, "%", None, 1, None, None), ("value", 76.3, "%", None, 2, None, None)]


def test_results_parallel_lists_pair_alike_with_the_datasets_respectively():
    assert read("X reaches an accuracy of 0.96/0.97 and AUC of 0.98/0.99 on Drv and Str respectively .",
                [("X", M, 0), ("Drv", D, 1), ("Str", D, 2)]) == [
        ("value", 0.96, None, "accuracy", 1, None, None), ("value", 0.97, None, "accuracy", 2, None, None),
        ("value", 0.98, None, "AUC", 1, None, None), ("value", 0.99, None, "AUC", 2, None, None)]


def test_results_asides_listed_before_a_gain_word_are_all_margins():
    assert [n[:2] for n in read("X lifts accuracy on Dfash to 26% and 75% ( i.e. 4% and 10% absolute improvements ) .",
                                [("X", M, 0), ("Dfash", D, 1)])] == [
        ("value", 26.0), ("value", 75.0), ("margin", 4.0), ("margin", 10.0)]


def test_results_an_enumerator_is_not_a_value():
    assert read("X has two phases : 1) a 96.2% accuracy on Qa , 2) transfer .", [("X", M, 0), ("Qa", D, 1)]) == [
        ("value", 96.2, "%", "accuracy", 1, None, None)]


def test_results_a_gap_narrowed_from_one_number_to_another_is_no_result():
    assert read("X reduces the performance gap from 14% to 7.3% on Coco and reaches 41.2% AP on Coco .",
                [("X", M, 0), ("Coco", D, 1), ("Coco", D, 1)]) == [("value", 41.2, "%", "AP", 1, None, None)]
    assert read("X improves accuracy on Coco from 69.0% to 74.4% .", [("X", M, 0), ("Coco", D, 1)]) == [
        ("value", 74.4, "%", "accuracy", 1, None, None)]
