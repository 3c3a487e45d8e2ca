"""The extraction pipeline on inline sentences: exact entities, roles and claims per pattern family."""
import pytest


def entities(pg):
    return [(e.name, e.type, e.aliases, e.roles) for e in pg.entities]


def claims(pg):
    return [(c.head, c.relation, c.tail) for c in pg.claims]


@pytest.mark.parametrize("title, abstract, want", [
    # lexicon, with aliases folded into one entity
    ("A study", "The Vision Transformer (ViT) is strong. ViTs scale well.",
     [("Vision Transformer", "architecture", ["ViT", "ViTs"], [])]),
    ("A study", "We use mixup and knowledge distillation with AdamW.",
     [("mixup", "method", [], []), ("knowledge distillation", "method", [], []), ("AdamW", "method", [], [])]),
    # variants are distinct entities
    ("A study", "We compare ImageNet-1K, ImageNet-21K and ILSVRC-2012 with ResNet-50 and ResNet-101.",
     [("ImageNet", "dataset", ["ImageNet-1K", "ILSVRC-2012"], []), ("ImageNet-21K", "dataset", [], []),
      ("ResNet-50", "architecture", [], []), ("ResNet-101", "architecture", [], [])]),
    # coordinated forms
    ("A study", "Results on CIFAR10/100 with DeiT-Ti/S/B.",
     [("CIFAR-10", "dataset", ["CIFAR10"], []), ("CIFAR-100", "dataset", ["CIFAR100"], []),
      ("DeiT-Ti", "architecture", [], []), ("DeiT-S", "architecture", [], []), ("DeiT-B", "architecture", [], [])]),
    # coined names: naming cue, title lead, abbreviation definition; typed by shape and context
    ("A study", "We introduce a new method, dubbed ShiftNAS, that searches architectures.",
     [("ShiftNAS", "method", [], ["proposed"])]),
    ("KIND: Knowledge Integration and Diversion", "KIND works well.",
     [("KIND", "method", [], ["proposed"])]),
    ("A study", "We propose Stage-wise Weight Sharing (SWS), a simple approach.",
     [("SWS", "method", ["Stage-wise Weight Sharing"], ["proposed"])]),
    ("A study", "We release FooBench, a new benchmark, and the BarSet dataset.",
     [("FooBench", "dataset", [], ["proposed"]), ("BarSet", "dataset", [], [])]),
    # not entities: descriptions, generic classes, tasks, metrics, hardware, emphasis capitals
    ("A study", "State-of-the-art methods and deep neural networks (DNNs) reach high FID on GPUs.", []),
    ("A study", "Image Quality Assessment (IQA) uses high resolution (HR) images in a Large-Scale setting.", []),
    ("A study", "CFANet works for both Full-Reference (FR) and No-Reference (NR) quality.", [("CFANet", "architecture", [], [])]),
    # a known name given by a naming cue in the authors' voice is theirs; others' is not
    ("A study", "Our models, named ResNeXt, are simple.", [("ResNeXt", "architecture", [], ["proposed"])]),
    ("A study", "A popular model called ResNeXt is simple.", [("ResNeXt", "architecture", [], [])]),
    # an unknown name coordinated with a known dataset is a dataset; CamelCase plurals fold
    ("A study", "Results on the FLIC and MPII benchmarks.", [("FLIC", "dataset", [], []), ("MPII", "dataset", [], [])]),
    ("A study", "ReasoNets read. A ReasoNet stops.", [("ReasoNet", "architecture", ["ReasoNets"], [])]),
    # names a plural dataset noun lists are datasets, plain words among them too; the datasets a
    # paper uses ("the Kodak dataset", "the proposed approach on ...") are not its own
    ("A study", "Our method wins on three ABSA datasets, i.e. Laptop, Restaurant, and MAMS.",
     [("Laptop", "dataset", [], []), ("Restaurant", "dataset", [], []), ("MAMS", "dataset", [], [])]),
    ("A study", "We test the proposed approach on four benchmarks (CK+, MMI, Oulu-CASIA, and AFEW).",
     [("CK+", "dataset", [], []), ("MMI", "dataset", [], []), ("Oulu-CASIA", "dataset", [], []), ("AFEW", "dataset", [], [])]),
    ("A study", "We evaluate our codec on the Kodak dataset.", [("Kodak", "dataset", [], [])]),
    ("A study", "We evaluate our detector on the MVtec dataset.", [("MVtec", "dataset", [], [])]),
    ("A study", "We verify it through experiments on the Levy-Holt dataset.", [("Levy-Holt", "dataset", [], [])]),
    ("A study", "We use several datasets, including Large and Small ones.", []),
    ("A study", "Experiments on Digits, DomainNet and Office-Caltech benchmarks show gains.",
     [("Digits", "dataset", [], []), ("DomainNet", "dataset", [], []), ("Office-Caltech", "dataset", [], [])]),
    ("A study", "Results on the Large, Small and Medium benchmarks are shown.", []),
    # a paper's own definition of an acronym wins over the lexicon's
    ("A study", "We build scene graphs with Scene Graph Diffusion (SGD). SGD works.",
     [("SGD", "method", ["Scene Graph Diffusion"], ["proposed"])]),
    ("A study", "We use batch normalization (BN) in every layer. BN helps.",
     [("Batch Normalization", "method", ["batch normalization", "BN"], [])]),
    # an acronym the paper defines as a task is no name anywhere in it
    ("A study", "We study multimodal aspect-based sentiment analysis (MABSA). Our GraphNet wins on three MABSA subtasks.",
     [("GraphNet", "architecture", [], ["proposed"])]),
    # the title's leading phrase, used again in the abstract, names the paper's approach; a link's words are no names
    ("Flow-Guided Feature Aggregation for Video Object Detection",
     "We present flow-guided feature aggregation, an accurate framework. Code: https://github.com/Coderx7/SimpleNet.",
     [("Flow-Guided Feature Aggregation", "method", ["flow-guided feature aggregation"], ["proposed"])]),
    ("Distilling Object Detectors with Global Knowledge", "We study distilling object detectors.", []),
    # the name before a title's colon, when the words after it are no name; a known name with a word before it only
    # where the abstract writes it with the title's capitals; not a question nor a description
    ("Repulsion Loss: Detecting Pedestrians in a Crowd", "We propose a new loss, termed repulsion loss.",
     [("Repulsion Loss", "method", ["repulsion loss"], ["proposed"])]),
    ("The Evolved Transformer", "We search from the Transformer. The best model, the Evolved Transformer, wins.",
     [("Evolved Transformer", "architecture", [], ["proposed"]), ("Transformer", "architecture", [], [])]),
    ("Fast Transformer for Translation", "The Transformer is slow. We make a fast transformer.",
     [("Transformer", "architecture", ["transformer"], [])]),
    ("How Robust are Fact Checkers?", "We ask how robust are fact checkers.", []),
    ("Meet in the Middle: A New Pre-training Paradigm", "We call it a new pre-training paradigm.", []),
    ("A study", "Sparse representation-based classification (SRC) uses an L1 penalty. SRC is fast.",
     [("SRC", "method", [], [])]),
    # a lexicon name that is also a metric's, used with a number, is the metric throughout the paper
    ("A study", "Our method reaches an MAE of 3.2 on KITTI. MAE is hard to lower.", [("KITTI", "dataset", [], [])]),
    # an acronym defined by a metric's name, or before a task's noun, is no name anywhere in the paper
    ("A study", "Our FooNet reaches a mean absolute error (MAE) of 5.31. The MAE falls.",
     [("FooNet", "architecture", [], ["proposed"])]),
    ("A study", "We study Temporal Action Proposal (TAP) generation. TAP is hard.", []),
    # an acronym of "state of the art" names no model; a name after "prior" is others' work, not proposed
    ("A study", "Our model beats existing state-of-the-art (SofA) methods. SofA methods fail.", []),
    ("A study", "The method we propose improves on the prior MIXER approach.", [("MIXER", "method", [], ["baseline"])]),
    ("A study", "We pre-train with MAE and outperform BEiT.",
     [("MAE", "method", [], []), ("BEiT", "architecture", [], ["baseline"])]),
    # a lower-case term written inside a longer capitalised name is not that term
    ("A study", "It builds on Excitation Back-Propagation and Grad-CAM. We use early stopping.",
     [("Grad-CAM", "method", [], []), ("early stopping", "method", [], [])]),
    # an acronym defined before "problem" or "task" names a task, here and after; a title in capitals holds no
    # acronym by its shape alone
    ("A study", "We revisit the stochastic convex optimization (SCO) problem. Our SCO bound is tight.", []),
    ("INTERPRETATION OF NEURAL NETWORK IS FRAGILE", "We show that interpretation is fragile on ImageNet.",
     [("ImageNet", "dataset", [], [])]),
    # a two-letter acronym of a capitalised name of several words is judged; of one described word, no name
    ("A study", "We propose a simple and effective Cube Padding (CP) technique.",
     [("CP", "method", ["Cube Padding"], ["proposed"])]),
    ("A study", "The high resolution (HR) image and the Language Model (LM) are used.", []),
    # a translation dataset's language pair is part of its name; one name for all its spellings
    ("A study", "We test on WMT14 English-to-German, WMT 2014 En-De and IWSLT'14 De-En.",
     [("WMT14 English-German", "dataset", ["WMT14 English-to-German", "WMT 2014 En-De"], []),
      ("IWSLT German-English", "dataset", ["IWSLT'14 De-En"], [])]),
    # an acronym's plural keeps its capitals as written: "VIS" is not "VIs" (variational inference)
    ("A study", "We test on YouTube VIS with two VIs.", [("variational inference", "method", ["VIs"], [])]),
    ("A study", "We test on four control environments: Reacher, Half Cheetah, Ant and Hopper.",
     [("Reacher", "dataset", [], []), ("Half Cheetah", "dataset", [], []), ("Ant", "dataset", [], []),
      ("Hopper", "dataset", [], [])]),
    # the versions listed after a versioned name are names too
    ("A study", "We test on BraTS 2019, 2020 and 2021.", [("BraTS 2019", "dataset", [], []), ("BraTS 2020", "dataset", [], []),
                                                        ("BraTS 2021", "dataset", [], [])]),
    ("A study", "We test on DAVIS 2016, and", [("DAVIS 2016", "dataset", [], [])]),  # a list cut off at the end
    ("A study", "We test on NTU RGB+D 60 and 120.", [("NTU RGB+D", "dataset", ["NTU RGB+D 60"], []),
                                                  ("NTU RGB+D 120", "dataset", [], [])]),
    # a variant of a lower-case technique is a name of its own
    ("A study", "We analyse averaged stochastic gradient descent and structured variational inference.",
     [("averaged stochastic gradient descent", "method", [], []), ("structured variational inference", "method", [], [])]),
    ("A study", "We propose decoupled mixup and analyse online stochastic gradient descent.",
     [("decoupled mixup", "method", [], ["proposed"]), ("online stochastic gradient descent", "method", [], [])]),
    # capitalised words before a technique's noun are a candidate name; a venue cited is no name
    ("A study", "We adapt the algorithm of Klivans and Meka (FOCS, 2017) and use the Bellman-Ford algorithm.",
     [("Bellman-Ford algorithm", "method", [], [])]),
    # "Named Entity Recognition" is a task, not a naming; a descriptive capital names no technique
    ("A study", "We study Named Entity Recognition with a Bayesian model and the Bellman-Ford algorithm.",
     [("Bellman-Ford algorithm", "method", [], [])]),
    ("A study", "We fit Ising models and compare the Ising model with Hawkes processes.",
     [("Ising model", "method", ["Ising models"], []), ("Hawkes process", "method", ["Hawkes processes"], [])]),
    # an acronym defined by the lexicon's long form as abstracts vary it is the lexicon's thing, one entity
    ("A study", "We use graph convolution network (GCN) and k-nearest-neighbor (KNN) with Markov Chain Monte Carlo "
                "algorithms (MCMC). GCN and KNN and MCMC work.",
     [("Graph Convolutional Network", "architecture", ["graph convolution network", "GCN"], []),
      ("k-nearest neighbors", "method", ["k-nearest-neighbor", "KNN"], []),
      ("Markov chain Monte Carlo", "method", ["Markov Chain Monte Carlo algorithms", "MCMC"], [])]),
    ("A study", "We test on the Microsoft Common Objects in Context (MSCOCO) dataset.",
     [("COCO", "dataset", ["Microsoft Common Objects in Context", "MSCOCO"], [])]),
    ("A study", "We test on the Berkeley Segmentation Data Set 500 (BSDS500) with low-rank adapters (LoRA).",
     [("BSDS500", "dataset", ["Berkeley Segmentation Data Set 500"], []), ("LoRA", "method", ["low-rank adapters"], [])]),
    # an acronym the paper defines its own way is its own thing in every use, not the lexicon's (latent semantic indexing)
    ("A study", "We propose language-sensitive intervention (LSI). LSI reduces confusion.",
     [("LSI", "method", ["language-sensitive intervention"], ["proposed"])]),
    # the title's phrase or leading name that the abstract defines by an acronym is one thing with it
    ("Information Directed Sampling and Bandits", "We study Information Directed Sampling (IDS) for bandits.",
     [("IDS", "method", ["Information Directed Sampling"], ["proposed"])]),
    ("SceneMotifCoder: Example-driven Visual Program Learning", "We present SceneMotifCoder (SMC), a framework.",
     [("SMC", "method", ["SceneMotifCoder"], ["proposed"])]),
    ("DialogueEIN: Emotion Interaction Network for Dialogue", "We propose a novel Emotion Interaction Network.",
     [("DialogueEIN", "architecture", ["Emotion Interaction Network"], ["proposed"])]),
    # a subset or size a lower-case word marks is of its base's type
    ("A study", "We test on MNLI-hard with BERT-large.",
     [("MNLI-hard", "dataset", [], []), ("BERT-large", "architecture", [], [])]),
    # a name a dataset noun gives by a naming cue is a dataset, whatever its shape
    ("A study", "We introduce a benchmark called LegalHalBench and a new dataset, dubbed FaVIQ.",
     [("LegalHalBench", "dataset", [], ["proposed"]), ("FaVIQ", "dataset", [], ["proposed"])]),
    ("A study", "We release a new corpus we call LegalCorp.", [("LegalCorp", "dataset", [], ["proposed"])]),
    # after a proposing verb, a name right after a word of others' work or of use is not the paper's; a later one is
    ("A study", "We introduce a simple alternative to standard dropout, ConcreteDrop, for deep nets.",
     [("dropout", "method", [], []), ("ConcreteDrop", "method", [], ["proposed"])]),
    ("A study", "We propose a new method that uses decentralized stochastic gradient descent.",
     [("decentralized stochastic gradient descent", "method", [], [])]),
    # a variant word before an architecture family is an adjective: the family stays
    ("A study", "We train a robust convolutional neural network.", [("CNN", "architecture", ["convolutional neural network"], [])]),
    # a piece of a formula is no name
    ("A study", "The error scales no better than O(m^{-1/4}).", []),
    ("A study", "The gain is large on the challenging PaSC, COX and ESOGU video datasets.",
     [("PaSC", "dataset", [], []), ("COX", "dataset", [], []), ("ESOGU", "dataset", [], [])]),
])
def test_extract_entities(extract, title, abstract, want):
    assert entities(extract(title, abstract)) == want


@pytest.mark.parametrize("title, abstract, want", [
    # outperforms: named head, list of tails, the paper's own approach, reversed cue
    ("VOLO: Vision Outlooker", "VOLO outperforms DeiT and Swin Transformer.",
     [("VOLO", "outperforms", "DeiT"), ("VOLO", "outperforms", "Swin Transformer")]),
    ("A study", "Our method outperforms ResNet-50.", [("@paper", "outperforms", "ResNet-50")]),
    ("A study", "On ImageNet, our model achieves 3.1% better top-1 accuracy than MobileNetV2.",
     [("@paper", "outperforms", "MobileNetV2"), ("@paper", "evaluated-on", "ImageNet")]),
    ("A study", "ViTs are still inferior to CNNs.", [("CNN", "outperforms", "Vision Transformer")]),
    ("EMOv2: Pushing the frontier", "EMOv2-5M equipped RetinaNet surpasses the previous EMO-5M by 2.6 mAP.",
     [("EMOv2-5M", "outperforms", "EMO-5M")]),
    # "it" opening a sentence, acting: the paper's own approach named before
    ("A study", "We propose ReHLine, a solver. Moreover, it also outperforms LIBLINEAR and SAGA.",
     [("ReHLine", "outperforms", "LIBLINEAR"), ("ReHLine", "outperforms", "SAGA")]),
    ("A study", "We propose ReHLine, a solver. It is known that LIBLINEAR is slow.", []),
    # the win's object is a class; names after it in a phrase of where or with what are not beaten
    ("A study", "Our method outperforms state-of-the-art methods for various datasets captured by a DSLR camera.", []),
    ("A study", "Our approach outperforms the usual approach using two architectures: C3D-AVG and MSCADC.", []),
    ("A study", "Our approach outperforms strong baselines on COCO, including Mask R-CNN.",
     [("@paper", "outperforms", "Mask R-CNN"), ("@paper", "evaluated-on", "COCO")]),
    ("A study", "LIT outperforms recent compression techniques by leveraging the structure of modern DNNs (e.g., "
                "ResNet).", []),
    ("A study", "Fair-ARD surpasses distillation methods and fairness algorithms in terms of robustness (e.g., under "
                "AutoAttack).", []),
    ("A study", "Our method outperforms baselines (e.g., DeiT) on ImageNet.",
     [("@paper", "outperforms", "DeiT"), ("@paper", "evaluated-on", "ImageNet")]),
    # a that-clause whose subject is another's named model states that model's win, not the paper's
    ("A study", "Our findings reveal that large language models (e.g., GPT-4) outperform random forests.", []),
    ("A study", "We show that a wide MLP using TF-IDF outperforms TextGCN.", [("@paper", "outperforms", "TextGCN")]),
    # a denied win is none; nor is a name the win is stated without
    ("A study", "We prove that these methods cannot outperform SGD.", []),
    ("A study", "Our method does not only outperform ResNet-50 on accuracy.", [("@paper", "outperforms", "ResNet-50")]),
    ("A study", "DirectQE outperforms existing methods, without using any pretraining models such as BERT.", []),
    # a model does not beat its own sizes
    ("A study", "Results show the superiority of our EMOv2 over recent methods, e.g., EMOv2-1M and EMOv2-5M reach 72.3 "
                "and 79.4 Top-1.", []),
    # "the superiority / advantages of A over B": A wins
    ("A study", "The superiority of ACPRC over lasso and group lasso is shown by experiments.",
     [("ACPRC", "outperforms", "lasso"), ("ACPRC", "outperforms", "group lasso")]),
    # a tail after a word of setting is where the win holds; a tail after another predicate's verb is that one's
    ("A study", "Our method outperforms specialized solvers such as Liblinear in SVMs.", []),
    ("A study", "Our detector outperforms Faster R-CNN with a ResNet-50 backbone.",
     [("@paper", "outperforms", "Faster R-CNN")]),
    ("A study", "CLIFF outperforms prior arts by a large margin, and reaches the first place with DeiT.", []),
    # the tail is the bracketed name of which it is a word
    ("A study", "AD-PSGD outperforms decentralized parallel SGD (D-PSGD) and asynchronous parallel SGD (A-PSGD).",
     [("AD-PSGD", "outperforms", "D-PSGD"), ("AD-PSGD", "outperforms", "A-PSGD")]),
    # "the resulting X", "the obtained X" are the paper's own
    ("A study", "The resulting algorithm outperforms the conventional mean shift procedure.",
     [("@paper", "outperforms", "mean shift")]),
    # not outperforms: comparable, cost alone
    ("A study", "Our model is comparable to ResNet-50.", []),
    # a leading "compared to X," then what the paper's work does better: not a tie, nor another model's result
    ("A study", "Compared to DeiT-S, we reduce the error rate by 20%.", [("@paper", "outperforms", "DeiT-S")]),
    ("A study", "Compared to DeiT-S, our model achieves comparable accuracy.", []),
    ("A study", "Compared to DeiT-S, ResNet-50 is better.", []),
    ("A study", "Our model runs 2x faster than ResNet-50.", []),
    ("A study", "In computer vision, CNNs are used more than Transformers due to their low complexity.", []),
    ("A study", "Post-training quantization (PTQ) results in lower accuracy than quantization-aware training (QAT).",
     [("quantization-aware training", "outperforms", "post-training quantization")]),
    # evaluated-on: result sentence; trained-on alone is not a test
    ("A study", "ResNet-50 attains 78.9% top-1 accuracy on ImageNet.", [("ResNet-50", "evaluated-on", "ImageNet")]),
    ("A study", "We pre-train on ImageNet-21K and fine-tune on CIFAR-100, achieving 91.2% accuracy.",
     [("@paper", "evaluated-on", "CIFAR-100")]),
    ("A study", "Convolutional networks were designed for MNIST long ago.", []),
    # extends: cue and morphology
    ("A study", "Our STU-Net is based on nnU-Net.", [("STU-Net", "extends", "nnU-Net")]),
    ("A study", "We propose G-SimCLR, which builds upon SimCLR.", [("G-SimCLR", "extends", "SimCLR")]),
    ("SeiT++: Better tokens", "SeiT++ improves the storage of SeiT.", [("SeiT++", "extends", "SeiT")]),
    # a name set beside a lineage cue of kind ("X, a variant of Y"), whoever's it is; not a setting ("For X, ...")
    ("A study", "We propose FMC-ATA, an asynchronous version of FMC-TA, which is robust to message latency.",
     [("FMC-ATA", "extends", "FMC-TA")]),
    ("A study", "We also introduce a lightweight version of HDNet, i.e., HDNet-lite, with 0.65MB parameters.",
     [("HDNet-lite", "extends", "HDNet")]),
    ("A study", "For VGGNet, a multi-pass version of network slimming gives a 20x reduction.", []),
    ("A study", "We propose to train the network with local mixup, a novel variant of the recently proposed mixup "
                "algorithm.", [("local mixup", "extends", "mixup")]),
    # after a proposing verb, a name that is generalized or praised as established is others' work, built on
    ("A study", "We propose a new framework which generalizes the well-known Friedkin-Johnsen model.",
     [("@paper", "extends", "Friedkin-Johnsen model")]),
    ("A study", "Deep Gaussian Processes (DGPs) are hierarchical generalizations of Gaussian Processes.",
     [("deep Gaussian process", "extends", "Gaussian process")]),
    # "we propose algorithms based on X" is the paper's lineage; "methods based on X" alone is others'
    ("A study", "Further, we propose two on-policy algorithms based on the trust region method.",
     [("@paper", "extends", "trust-region method")]),
    ("A study", "We compare with methods based on ViT.", []),
    ("A study", "The ViT-based detector uses a ResNet-50 backbone.", []),
    ("A study", "We propose two models named BGCN and BGAT, based on GCN and GAT, respectively.",
     [("BGCN", "extends", "Graph Convolutional Network"), ("BGAT", "extends", "Graph Attention Network")]),
    ("A study", "Our model improves 2.1% over DeiT on ImageNet.",
     [("@paper", "outperforms", "DeiT"), ("@paper", "evaluated-on", "ImageNet")]),
    # a name that holds another's is built on it, unless what is left is a size or the other a family
    ("PyNeRF: Pyramidal Neural Radiance Fields", "Neural Radiance Fields (NeRF) render novel views. PyNeRF trains "
                                                 "NeRF models at different spatial grid resolutions.",
     [("PyNeRF", "extends", "NeRF")]),
    ("A study", "We propose ResNet-50 training recipes, and ResNet is widely used.", []),
    ("BigNAS: Scaling up architecture search", "Neural architecture search (NAS) has shown promising results. We "
                                               "propose BigNAS, an approach that trains a single-stage model.", []),
    # "we present a variant of X": X is what the paper builds on, not its own
    ("A study", "We present the first variant of the classic federated averaging (FedAvg) algorithm that supports "
                "partial client asynchrony.", [("@paper", "extends", "FedAvg")]),
    ("PIXART-δ: Fast image generation", "PIXART-δ integrates LCM and ControlNet into the advanced PIXART-α model.",
     [("PIXART-δ", "extends", "Latent Consistency Model"), ("PIXART-δ", "extends", "ControlNet"), ("PIXART-δ", "extends", "PIXART-α")]),
    # what a method generalizes to, it carries over to; what it generalizes, it builds on
    ("A study", "We propose GraCeFul, a filter. Additionally, GraCeFul generalizes to Llama-2 and Vicuna.", []),
    ("A study", "We propose GraCeFul, which generalizes SimCLR to graphs.", [("GraCeFul", "extends", "SimCLR")]),
    ("A study", "We propose a framework that extends the popular GraphSAGE to dynamic graphs, DynSAGE.",
     [("DynSAGE", "extends", "GraphSAGE")]),
    ("A study", "We propose GraCeFul. We further extend this mechanism to linear regression.", []),
    ("A study", "In this paper, we expand on prior work (SimCLR) to learn better representations with CLAR.",
     [("@paper", "extends", "SimCLR")]),
    ("A study", "We propose DSFN, a hybrid of DFN and STN.",
     [("DSFN", "extends", "DFN"), ("DSFN", "extends", "Spatial Transformer Network")]),
    # what "an extension to" names is built on, not proposed; a citation's comma does not end a leading clause
    ("A study", "Correlated topic models (CTM) capture correlation. We propose an extension to CTM that models time.",
     [("@paper", "extends", "CTM")]),
    ("A study", "By extending the work of ListNet (Cao et al., 2007), we cast ranking as likelihood.",
     [("@paper", "extends", "ListNet")]),
    # lineage is what a paper says of its own work, not of others'
    ("A study", "We compare VGGNet and popular variants of ResNets.", []),
    ("CFANet: Top-down quality", "CFANet differs from prior methods based on vision transformers.", []),
    ("A study", "We propose a framework, termed Prune, Combine, and Augment (PCA).", []),
    ("A study", "Our design is based on an analysis across CNN- and transformer-based models.", []),
    # a passive win reads one way only ("outperformed" inside "is outperformed by" is no win cue of its own)
    ("A study", "For ROC AUC, SimCLR overfits drastically and is outperformed by MoCo.", [("MoCo", "outperforms", "SimCLR")]),
    ("A study", "On most tasks ResNet-50 was consistently outperformed by ViT-B.", [("ViT-B", "outperforms", "ResNet-50")]),
    ("A study", "Surprisingly, FooNet-S is still surpassed by FooNet-L.", [("FooNet-L", "outperforms", "FooNet-S")]),
    ("A study", "Our FooNet outperformed ViT-B by a large margin.", [("FooNet", "outperforms", "ViT-B")]),
    # "comparing to" is "compared to": a gain stated beside it is a win
    ("A study", "Our FooNet achieves a 0.6% top-1 accuracy improvement comparing to ResNet-200.",
     [("FooNet", "outperforms", "ResNet-200")]),
    # hedged comparisons are not wins
    ("A study", "Our approach performs better than or on par with DeiT.", []),
    ("A study", "Our model achieves better or comparable accuracy than ResNet-50.", []),
    # the result's subject is who achieves it; names after the verb are tools or objects
    ("As-ViT: Auto-scaling", "As-ViT achieves 83.5% top-1 on ImageNet-1k without any scaling of ViT architectures.",
     [("As-ViT", "evaluated-on", "ImageNet")]),
    ("A study", "GPUSQ-ViT achieves strong compression of vision transformer models on ImageNet.",
     [("GPUSQ-ViT", "evaluated-on", "ImageNet")]),
    # the paper's own model named in apposition, by a naming cue, or by the title's leading known name
    ("Gated readers", "Our model, the Gated-Attention (GA) Reader, is new. The GA Reader obtains the best results "
                      "on the CNN & Daily Mail datasets.",
     [("GA", "evaluated-on", "CNN/Daily Mail")]),
    ("MnasNet: Platform-aware search", "Our approach outperforms MobileNetV2 on ImageNet.",
     [("MnasNet", "outperforms", "MobileNetV2"), ("MnasNet", "evaluated-on", "ImageNet")]),
])
def test_extract_claims(extract, title, abstract, want):
    assert claims(extract(title, abstract)) == want


def test_extract_a_title_phrase_defined_by_an_acronym_is_the_papers_approach_before_other_new_names(extract):
    pg = extract("Gaussian Temporal Awareness Networks for Action Localization",
                 "We propose to address the problem by introducing Gaussian kernels. We present Gaussian Temporal "
                 "Awareness Networks (GTAN), a new architecture. Our approach outperforms SSD on THUMOS14.")
    assert [c for c in claims(pg) if c[1] == "outperforms"] == [("GTAN", "outperforms", "SSD")]


def test_extract_a_title_phrase_an_acronym_definition_starts_with_is_that_acronyms_entity(extract):
    pg = extract("Stochastic Binary Network for Universal Domain Adaptation",
                 "We introduce a framework called Stochastic Binary Network for Universal Domain Adaptation (STUN). "
                 "Our Stochastic Binary Network outperforms ResNet-50.")
    assert [(e.name, e.aliases) for e in pg.entities if "proposed" in e.roles] == [
        ("STUN", ["Stochastic Binary Network for Universal Domain Adaptation", "Stochastic Binary Network"])]
    assert not [c for c in pg.claims if c.relation == "extends"]


def test_extract_a_title_phrase_defined_as_others_work_is_not_the_papers_approach(extract):
    pg = extract("Information Directed Sampling for Sparse Linear Bandits",
                 "Information Directed Sampling (IDS) is an exploration strategy. We propose SparseGreedy. Our method "
                 "outperforms Thompson sampling.")
    assert claims(pg) == [("SparseGreedy", "outperforms", "Thompson sampling")]


def test_extract_results_of_the_approach_are_not_its_parts(extract):
    pg = extract("HPLFlowNet: Scene flow estimation", "We propose novel DownBCL, UpBCL, and CorrBCL operations. "
                                                      "Our approach achieves state-of-the-art performance on KITTI.")
    assert [c for c in claims(pg) if c[1] == "evaluated-on"] == [("HPLFlowNet", "evaluated-on", "KITTI")]


def test_extract_our_models_speak_of_every_proposed_model_even_one_named_with_its_parts(extract):
    pg = extract("A study", "We propose two families of networks, called RegNetX and RegNetY. RegNetY blocks add "
                            "channel attention. Our models achieve 80.0% top-1 accuracy on ImageNet.")
    assert claims(pg) == [("RegNetX", "evaluated-on", "ImageNet"), ("RegNetY", "evaluated-on", "ImageNet")]


def test_extract_result_claim_carries_metric_value_and_offsets(extract):
    pg = extract("VOLO: Vision Outlooker", "We propose VOLO. VOLO achieves 87.1% top-1 accuracy on ImageNet-1K.")
    (c,) = pg.claims
    assert (c.head, c.relation, c.tail, c.dataset, c.metric, c.value) == (
        "VOLO", "evaluated-on", "ImageNet", "ImageNet", "top-1 accuracy", "87.1%")
    assert pg.paper.text[c.start:c.end] == c.evidence == "VOLO achieves 87.1% top-1 accuracy on ImageNet-1K."


def test_extract_baseline_role_for_what_the_paper_beats(extract):
    pg = extract("A study", "Our method outperforms ResNet-50 on CIFAR-10.")
    assert entities(pg) == [("ResNet-50", "architecture", [], ["baseline"]), ("CIFAR-10", "dataset", [], [])]


def test_extract_forgets_shapes_when_its_memory_is_full_and_finds_the_same(extractor, monkeypatch):
    from graph.model import Paper

    finder = extractor.nlp.get_pipe("pg_mentions")
    paper = Paper("FooNet: a study", "FooNet-B/16 outperforms BarNet and CIFAR10/100 baselines.")
    want = extractor.extract(paper)
    monkeypatch.setattr(finder, "SEEN_LIMIT", 1)
    assert extractor.extract(paper) == want
    # forgotten, then the texts of this paper that may be names judged again (those with a capital or "/")
    assert set(finder._seen) == {"FooNet", "FooNet-B/16", "BarNet", "CIFAR10/100"}


def test_extract_texts_by_key_keys_each_text_once_and_forgets_when_full():
    from graph.extract.mentions import TextsByKey

    index = TextsByKey(limit=3)
    assert sorted(index.having({"ViT", "ViTs", "the", "VOLO"}, {"vit"})) == ["ViT", "ViTs"]
    assert index.having({"VIT", "is"}, ["vit", "volo"]) == ["VIT"]  # full (4 texts): forgotten, then these keyed
    assert set(index._keyed) == {"VIT", "is"}
    assert index.having({"VIT", "VOLO", "is"}, ["volo", "vit"]) == ["VOLO", "VIT"]


def test_extract_finds_uses_of_an_abbreviation_whatever_is_remembered(extractor, monkeypatch):
    from graph.model import Paper

    finder = extractor.nlp.get_pipe("pg_mentions")
    paper = Paper("A study", "The Vision Outlooker (VOLO) is strong. VOLOs scale and VOLO wins.")
    want = extractor.extract(paper)
    assert [(e.name, e.aliases) for e in want.entities] == [("VOLO", ["Vision Outlooker", "VOLOs"])]  # "VOLOs": a use
    monkeypatch.setattr(finder._by_key, "limit", 1)
    assert extractor.extract(paper) == want


def test_extract_same_claims_in_the_same_order_whatever_the_hash_seed(tmp_path):
    """Set iteration follows string hashes, which differ between processes: nothing extraction
    writes may depend on it."""
    import json
    import os
    import subprocess
    import sys

    src = tmp_path / "p.jsonl"
    src.write_text(json.dumps({"title": "FooNAS: architecture search for speaker verification", "abstract": (
        "The time delay neural network (TDNN) is widely used for speaker verification. Large networks have been "
        "designed on the x-vector, e.g., extended TDNN (E-TDNN), factorized TDNN (F-TDNN), and densely connected "
        "TDNN (D-TDNN).")}) + "\n")
    outs = [subprocess.run([sys.executable, "-m", "graph", "extract", str(src)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True).stdout for seed in ("1", "2", "3")]
    assert [r["head"] for r in json.loads(outs[0])["relations"] if r["type"] == "extends"] == [
        "E-TDNN", "F-TDNN", "D-TDNN"]
    assert outs[0] == outs[1] == outs[2]


def test_extract_a_hedged_win_keeps_a_lower_confidence_than_a_plain_one(extract):
    from graph.extract import limits

    def confidence(abstract):
        return [c.confidence for c in extract("A study", abstract).claims if c.relation == "outperforms"]

    plain = confidence("Our FooNet outperforms ResNet-50.")
    for hedged in ("Our FooNet matches or outperforms ResNet-50.", "Our FooNet is comparable to or better than ResNet-50."):
        # lowered by the factor, give or take what the hedge's own words change in the model's probability
        assert confidence(hedged) == [pytest.approx(plain[0] * limits.HEDGED, abs=0.03)], hedged
